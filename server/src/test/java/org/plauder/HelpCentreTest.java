package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The public help centre of the demo shop: listed, linked, searched and shown in the reader's language. */
@ExtendWith(VertxExtension.class)
class HelpCentreTest {

  @TempDir
  Path dataDir;

  @Test
  void aReaderSeesTheArticlesInTheirLanguageAndFollowsALinkToOne(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      HttpResponse<Buffer> english = await(node.http.get("/help/demo/").putHeader("Accept-Language", "en-GB,en;q=0.8,de;q=0.5").send());
      assertEquals(200, english.statusCode());
      assertTrue(english.getHeader("Content-Type").startsWith("text/html"));
      String list = english.bodyAsString();
      assertTrue(list.contains("<html lang=\"en\">"), list);
      assertTrue(list.contains("Shipping and delivery times") && list.contains("How to store coffee"), list);
      assertFalse(list.contains("Versand und Lieferzeiten"), "only the reader's language is listed");
      assertTrue(list.contains("href=\"/help/demo/?lang=de\""), "a link to the German help centre");

      String german = await(node.http.get("/help/demo/?lang=de").putHeader("Accept-Language", "en").send()).bodyAsString();
      assertTrue(german.contains("<html lang=\"de\">") && german.contains("Kaffee richtig lagern"), "?lang= wins over the header");

      Matcher link = Pattern.compile("href=\"(/help/demo/[0-9a-f]{24})\">Kaffee richtig lagern<").matcher(german);
      assertTrue(link.find(), german);
      HttpResponse<Buffer> article = await(node.http.get(link.group(1)).send());
      assertEquals(200, article.statusCode());
      String page = article.bodyAsString();
      assertTrue(page.contains("<h1>Kaffee richtig lagern</h1>"), page);
      assertTrue(page.contains("<strong>Nicht in den Kühlschrank:</strong>"), "the Markdown is rendered: " + page);
      assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/help/help.css\">"), page);
      assertEquals(200, await(node.http.get("/help/help.css").send()).statusCode(), "the style sheet (with its print rules) is served");
      assertTrue(article.getHeader("Content-Security-Policy").contains("default-src 'none'"));
    }
  }

  @Test
  void aReaderSearchesTheHelpCentre(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String page = await(node.http.get("/help/demo/").addQueryParam("lang", "de").addQueryParam("q", "Zeit der Lieferung").send())
          .bodyAsString();
      int hits = page.indexOf("Artikel zu Ihrer Frage");
      assertTrue(hits > 0, page);
      assertTrue(page.indexOf("Versand und Lieferzeiten", hits) < page.indexOf("<h2>Alle Artikel</h2>"), "the hit is listed first: " + page);
      assertTrue(page.contains("value=\"Zeit der Lieferung\""), "the question stays in the box");
      String nothing = await(node.http.get("/help/demo/").addQueryParam("lang", "de").addQueryParam("q", "Quantenphysik").send())
          .bodyAsString();
      assertTrue(nothing.contains("keinen Artikel gefunden"), nothing);
      HttpResponse<Buffer> tooLong = await(node.http.get("/help/demo/").addQueryParam("q", "x".repeat(300)).send());
      assertEquals(400, tooLong.statusCode());
    }
  }

  @Test
  void unknownSitesAndArticlesAreAPlainNotFoundAndTheBareAddressRedirects(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      HttpResponse<Buffer> bare = await(node.http.get("/help/demo?lang=en").followRedirects(false).send());
      assertEquals(302, bare.statusCode());
      assertEquals("/help/demo/?lang=en", bare.getHeader("Location"));
      assertEquals(404, await(node.http.get("/help/nope/").send()).statusCode());
      assertEquals(404, await(node.http.get("/help/demo/0123456789abcdef01234567").send()).statusCode());
      HttpResponse<Buffer> odd = await(node.http.get("/help/demo/%3Cscript%3E").send());
      assertEquals(404, odd.statusCode());
      assertFalse(odd.bodyAsString().contains("<script"), odd.bodyAsString());
    }
  }
}
