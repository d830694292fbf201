package org.plauder.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteTrimmerTest {

  @Test
  void gmailsQuoteIsTrimmedAlsoWhenItsIntroIsWrapped() {
    assertEquals("Danke!", QuoteTrimmer.visible("Danke!\r\n\r\nOn Tue, 1 Dec 2026 at 10:00, Demo shop <support@shop.test> wrote:\r\n> Morgen."));
    assertEquals("Danke!", QuoteTrimmer.visible("Danke!\n\nOn Tue, 1 Dec 2026 at 10:00, Demo shop\n<support@shop.test> wrote:\n> Morgen."));
  }

  @Test
  void germanAndOutlookQuotesAreTrimmed() {
    assertEquals("Passt.", QuoteTrimmer.visible("Passt.\n\nAm 01.12.2026 um 10:00 schrieb Demo shop:\n> Morgen."));
    assertEquals("Passt.", QuoteTrimmer.visible("Passt.\n\n-----Ursprüngliche Nachricht-----\nVon: Demo shop"));
    assertEquals("Passt.", QuoteTrimmer.visible("Passt.\n\nVon: Demo shop <support@shop.test>\nGesendet: Dienstag\nBetreff: Re"));
    assertEquals("Fine.", QuoteTrimmer.visible("Fine.\n\nFrom: Demo shop\nSent: Tuesday\nSubject: Re"));
  }

  @Test
  void theSignatureAndInterleavedQuotesAreTrimmed() {
    assertEquals("Hallo,\nwo ist es?", QuoteTrimmer.visible("Hallo,\nwo ist es?\n\n-- \nEva Muster\nTel. 0123"));
    assertEquals("Ja.\n\nUnd morgen?", QuoteTrimmer.visible("> Kommt es heute?\nJa.\n\n> Und morgen?\nUnd morgen?"));
  }

  @Test
  void aMailThatIsOnlyQuoteIsShownWhole() {
    assertEquals("> nur Zitat", QuoteTrimmer.visible("> nur Zitat\n"));
  }

  @Test
  void aLineThatMerelyMentionsFromIsKept() {
    String text = "From: my side, all is well.\nThanks";
    assertEquals(text, QuoteTrimmer.visible(text));
  }

  @Test
  void cleaningDropsControlCharactersAndCutsLongText() {
    assertEquals("ab\ncd\te", QuoteTrimmer.clean("a\u0000b\ncd\te\u0007", 100));
    String cut = QuoteTrimmer.clean("x".repeat(50), 10);
    assertEquals(10, cut.codePointCount(0, cut.length()));
    assertTrue(cut.endsWith("…"));
    assertFalse(QuoteTrimmer.clean("ok \uD800 ok", 100).contains("\uD800"));
  }

  @Test
  void htmlBecomesTextWithoutScriptsOrStyles() {
    String text = HtmlMail.toText("<style>p{color:red}</style><p>Hallo <b>Welt</b> &amp; Co.</p><script>alert(1)</script>"
        + "<div>Zeile&nbsp;2<br>Zeile 3 &lt;script&gt;</div><img src=x onerror=alert(2)>");
    assertEquals("Hallo Welt & Co.\nZeile 2\nZeile 3 <script>", text);
  }
}
