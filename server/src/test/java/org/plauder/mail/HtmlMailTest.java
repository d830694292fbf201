package org.plauder.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** An HTML-only mail as the agent reads it: its text, its line breaks, and where its links lead. */
class HtmlMailTest {

  @Test
  void aLinkKeepsItsTargetInBracketsAfterItsText() {
    String text = HtmlMail.toText("<p>Ihre Sendung: <a href=\"https://track.example/123?land=de&amp;sprache=de\">Sendungs<b>verfolgung</b></a></p>"
        + "<p>Fragen? <a href='mailto:hilfe@shop.example'>Schreiben Sie uns</a>.</p>");
    assertEquals("Ihre Sendung: Sendungsverfolgung (https://track.example/123?land=de&sprache=de)\n"
        + "Fragen? Schreiben Sie uns (mailto:hilfe@shop.example).", text);
  }

  @Test
  void aLinkThatShowsItsAddressIsWrittenOnceAndAPictureLinkByItsAddress() {
    assertEquals("Siehe https://shop.example und hilfe@shop.example.", HtmlMail.toText(
        "Siehe <a href=\"https://shop.example/\">https://shop.example</a> und <a href=\"mailto:hilfe@shop.example\">hilfe@shop.example</a>."));
    assertEquals("Zum Angebot: https://shop.example/angebot",
        HtmlMail.toText("Zum Angebot: <a href=\"https://shop.example/angebot\"><img src=\"https://shop.example/banner.png\"></a>"));
  }

  @Test
  void aLinkThatSaysAnotherAddressShowsWhereItReallyLeads() {
    assertEquals("https://bank.example (https://bank.example.evil.test/login)",
        HtmlMail.toText("<a href=\"https://bank.example.evil.test/login\">https://bank.example</a>"));
  }

  @Test
  void javascriptDataAndRelativeLinksLeaveOnlyTheirText() {
    String text = HtmlMail.toText("<a href=\"javascript:alert(1)\">eins</a> <a href=\"JaVaScRiPt&#58;alert(2)\">zwei</a> "
        + "<a href=\" java&#09;script:alert(3)\">drei</a> <a href=\"data:text/html;base64,PHNjcmlwdD4=\">vier</a> "
        + "<a href=\"/konto\">fünf</a> <a href=\"https://shop.example@evil.test/\">sechs</a> <a href=\"vbscript:msgbox\">sieben</a>");
    assertEquals("eins zwei drei vier fünf sechs sieben", text);
  }

  @Test
  void aTargetWithSpacesOrQuotesStaysOneAddress() {
    assertEquals("Suche (https://shop.example/suche?q=rote%20schuhe%22%3E%20gr%C2%A042)",
        HtmlMail.toText("<a href=\"https://shop.example/suche?q=rote schuhe&quot;&gt; gr&nbsp;42\">Suche</a>"));
  }

  @Test
  void nestedTagsTablesAndEntitiesBecomeText() {
    String text = HtmlMail.toText("<html><head><title>Newsletter</title><style>td{color:red}</style></head><body>"
        + "<table><tr><td><div><p>Bestellung <b><i>4711</i></b></p></div></td><td>12,50&nbsp;&euro;</td></tr>"
        + "<tr><th>Status</th><td><span>unterwegs &#x1F69A; &lt;b&gt;schnell&lt;/b&gt;</span></td></tr></table>"
        + "<blockquote><div>Am Montag schrieben Sie:<br/>Wo bleibt es?</div></blockquote><script>alert(1)</script></body></html>");
    assertEquals("Bestellung 4711\n12,50 €\nStatus unterwegs \uD83D\uDE9A <b>schnell</b>\nAm Montag schrieben Sie:\nWo bleibt es?", text);
    assertFalse(text.contains("alert") || text.contains("color") || text.contains("Newsletter"));
  }
}
