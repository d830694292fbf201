package org.plauder.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An article's Markdown renders to HTML that cannot run anything, and keeps what writers need. */
class ArticleTextTest {

  @Test
  void nothingInAHostileBodyCanRun() {
    String html = ArticleText.html(HostileMarkdown.BODY);
    assertFalse(HostileMarkdown.ACTIVE.matcher(html).find(), html);
    assertFalse(html.contains("alert('x')"), "a script's content goes with it: " + html);
    assertTrue(html.contains("klick") && html.contains("Link"), "the links' words stay, without the links: " + html);
  }

  @Test
  void aRefusedLinkLeavesItsWordsAndNoEmptyAnchor() {
    String html = ArticleText.html("""
        Erst [klick mich](javascript:alert(1)), dann [das](data:text/html;base64,PHNjcmlwdD4=)         und [mit Titel](javascript:void(0) "Titel"), <a href="javascript:alert(2)">roh</a>,         <a>ohne Adresse</a> und [echt](https://www.dhl.de).
        """);
    assertFalse(html.contains("href=\"\""), html);
    assertEquals(1, html.split("<a ", -1).length - 1, "only the real link is a link: " + html);
    assertTrue(html.replaceAll("\\s+", " ").contains("Erst klick mich, dann das und mit Titel, roh, ohne Adresse und <a href=\"https://www.dhl.de\""),
        html);
  }

  @Test
  void markdownBecomesTheHtmlAReaderExpects() {
    String html = ArticleText.html("""
        # Versand

        Wir liefern **schnell**.

        - mit [DHL](https://www.dhl.de)
        - Fragen an [uns](mailto:hallo@shop.example)
        - oder [hier](/hilfe)
        """);
    assertTrue(html.contains("<h2>Versand</h2>"), "the body's headings sit below the page's title: " + html);
    assertTrue(html.contains("<strong>schnell</strong>"), html);
    assertTrue(html.contains("href=\"https://www.dhl.de\""), html);
    assertTrue(html.contains("href=\"mailto:hallo&#64;shop.example\""), html);
    assertTrue(html.contains("href=\"/hilfe\""), html);
    assertTrue(html.contains("rel=\"noopener noreferrer nofollow\""), "links open nothing with our page's rights: " + html);
  }

  @Test
  void theExcerptIsPlainTextCutAtAWord() {
    assertEquals("Wir liefern schnell mit DHL.", ArticleText.excerpt("Wir liefern **schnell** mit [DHL](https://dhl.de).", 100));
    String excerpt = ArticleText.excerpt("Kaffee mag es dunkel, kühl und trocken und er mag keine Luft.", 30);
    assertEquals("Kaffee mag es dunkel, kühl…", excerpt);
  }
}
