package org.plauder.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.plauder.protocol.Failure;
import org.plauder.site.Mailbox.Security;

class MailboxTest {

  private static Mailbox box(String address, String imapHost, int imapPort, int pollSeconds) {
    return new Mailbox(true, address, imapHost, imapPort, Security.SSL, "smtp.shop.example", 465, Security.STARTTLS,
        "support", "secret", pollSeconds);
  }

  @Test
  void aCompleteMailboxIsTakenAndKnowsItsDomain() {
    Mailbox ok = box("support@shop.example", "imap.shop.example", 993, 60);
    assertEquals("shop.example", ok.domain());
    assertEquals(null, ok.withPassword(null).password());
  }

  @Test
  void whatCannotWorkIsRefusedWithTheFieldNamed() {
    assertEquals("address must be an e-mail address",
        assertThrows(Failure.class, () -> box("support", "imap.shop.example", 993, 60)).getMessage());
    assertEquals("imapHost must be a host name",
        assertThrows(Failure.class, () -> box("support@shop.example", "imap shop", 993, 60)).getMessage());
    assertEquals("imapPort must be a port between 1 and 65535",
        assertThrows(Failure.class, () -> box("support@shop.example", "imap.shop.example", 0, 60)).getMessage());
    assertEquals("pollSeconds must be between 1 and 3600",
        assertThrows(Failure.class, () -> box("support@shop.example", "imap.shop.example", 993, 0)).getMessage());
    assertEquals("smtpSecurity must be one of ssl, starttls, none",
        assertThrows(Failure.class, () -> Security.fromWire("tls", "smtpSecurity")).getMessage());
  }
}
