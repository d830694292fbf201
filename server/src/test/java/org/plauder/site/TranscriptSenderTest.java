package org.plauder.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.plauder.protocol.Failure;

/** Who a site's transcripts come from, and how that becomes a From header: plain rules, no server. */
class TranscriptSenderTest {

  @Test
  void aSiteWithoutItsOwnSenderSendsFromTheServers() {
    assertEquals("no-reply@chat.example", TranscriptSender.fromOf(null, "no-reply@chat.example"));
    assertEquals("service@shop.example", TranscriptSender.fromOf(new TranscriptSender(null, "service@shop.example"), "no-reply@chat.example"));
  }

  @Test
  void aPlainNameIsQuotedAndOneBeyondAsciiIsLeftToTheMailClientToEncode() {
    assertEquals("\"Demo Shop GmbH & Co.\" <service@shop.example>", new TranscriptSender("Demo Shop GmbH & Co.", "service@shop.example").fromHeader());
    assertEquals("Kaffeerösterei Beispiel <service@shop.example>", new TranscriptSender("Kaffeerösterei Beispiel", "service@shop.example").fromHeader());
  }

  @Test
  void anAddressMustBeOneAndANameMustNotBreakTheHeader() {
    for (String address : new String[] {null, "", "service", "service@shop", "a b@shop.example", "a<b>@shop.example", "\"x\"@shop.example",
        "service@shop.example>, evil@x.example", "ümlaut@shop.example"}) {
      assertEquals(400, assertThrows(Failure.class, () -> new TranscriptSender(null, address), String.valueOf(address)).status());
    }
    for (String name : new String[] {"Evil\" <evil@x.example>", "A, B", "Line\nbreak", "semi;colon", "back\\slash", "x".repeat(81)}) {
      assertEquals(400, assertThrows(Failure.class, () -> new TranscriptSender(name, "service@shop.example"), name).status());
    }
    assertEquals("x".repeat(80), new TranscriptSender("x".repeat(80), "service@shop.example").name());
  }
}
