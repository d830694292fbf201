package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.help.HostileMarkdown;

/** The knowledge base over real HTTP: the demo articles, an admin's writing, visitors' search, and bad input. */
@ExtendWith(VertxExtension.class)
class KnowledgeBaseTest {

  @TempDir
  Path dataDir;

  static JsonObject article(String lang, String title, String body, boolean published) {
    return new JsonObject().put("language", lang).put("title", title).put("body", body)
        .put("keywords", new JsonArray().add("gutschein")).put("published", published);
  }

  static HttpResponse<Buffer> search(TestNode node, String q, String lang) {
    return await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", q).addQueryParam("lang", lang)
        .putHeader("Origin", node.origin()).send());
  }

  static List<String> titlesFound(TestNode node, String q, String lang) {
    HttpResponse<Buffer> found = search(node, q, lang);
    assertEquals(200, found.statusCode(), found.bodyAsString());
    return found.bodyAsJsonObject().getJsonArray("articles").stream().map(o -> ((JsonObject) o).getString("title")).toList();
  }

  static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  void aVisitorOfTheDemoShopFindsTheShippingArticleAtOnce(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      HttpResponse<Buffer> found = search(node, "Wie lange dauert der Versand?", "de");
      assertEquals(200, found.statusCode(), found.bodyAsString());
      assertEquals(node.origin(), found.getHeader("Access-Control-Allow-Origin"));
      JsonObject best = found.bodyAsJsonObject().getJsonArray("articles").getJsonObject(0);
      assertEquals("Versand und Lieferzeiten", best.getString("title"));
      assertEquals("/help/demo/" + best.getString("id"), best.getString("url"));
      assertTrue(best.getString("excerpt").startsWith("Wir rösten dienstags und freitags"), best.encode());
      assertEquals("Payment methods: PayPal, credit card, invoice", titlesFound(node, "Can I pay with PayPal?", "en").get(0));

      JsonObject read = await(node.http.get(best.getString("url").replace("/help/", "/api/v1/sites/").replace("/demo/", "/demo/articles/"))
          .putHeader("Origin", node.origin()).send()).bodyAsJsonObject();
      assertTrue(read.getString("html").contains("<strong>dienstags und freitags</strong>"), read.encode());
      assertFalse(read.containsKey("body"), "visitors get the HTML, not the Markdown");

      HttpResponse<Buffer> foreign = await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", "Versand")
          .putHeader("Origin", "https://evil.example").send());
      assertEquals(403, foreign.statusCode());
      assertEquals("origin_not_allowed", errorCode(foreign));
      HttpResponse<Buffer> sameOrigin = await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", "Versand")
          .putHeader("Sec-Fetch-Site", "same-origin").send());
      assertEquals(200, sameOrigin.statusCode(), "a page of the server's own origin (the demo shop) sends no Origin with a GET");
      assertEquals(403, await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", "Versand")
          .putHeader("Sec-Fetch-Site", "cross-site").send()).statusCode());
      assertEquals(403, await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", "Versand").send()).statusCode());
      HttpResponse<Buffer> unknownSite = await(node.http.get("/api/v1/sites/nope/articles").addQueryParam("q", "Versand")
          .putHeader("Origin", node.origin()).send());
      assertEquals(404, unknownSite.statusCode());
      assertEquals(400, search(node, "", "de").statusCode());
      assertEquals(400, search(node, "x".repeat(201), "de").statusCode());
      assertEquals(400, search(node, "Versand", "fr").statusCode());
    }
  }

  @Test
  void anAdminsDraftIsFoundOnlyOncePublishedAndNeverAfterItIsDeleted(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String admin = node.loginAdmin().token();
      String agent = node.createAgent("Kim", 2).token();
      HttpResponse<Buffer> created = await(node.http.post("/api/v1/articles").bearerTokenAuthentication(admin)
          .sendJsonObject(article("de", "Gutscheine einlösen", "Geben Sie den **Gutscheincode** an der Kasse ein.", false)));
      assertEquals(201, created.statusCode(), created.bodyAsString());
      JsonObject draft = created.bodyAsJsonObject();
      String id = draft.getString("id");
      assertTrue(draft.getString("html").contains("<strong>Gutscheincode</strong>"), draft.encode());
      assertFalse(titlesFound(node, "Gutscheine einlösen", "de").contains("Gutscheine einlösen"), "a draft is not found");
      JsonArray listed = await(node.http.get("/api/v1/articles").bearerTokenAuthentication(agent).send())
          .bodyAsJsonObject().getJsonArray("articles");
      assertTrue(listed.stream().anyMatch(o -> id.equals(((JsonObject) o).getString("id"))), "agents see drafts");
      assertFalse(listed.getJsonObject(0).containsKey("html"), "the list names the articles; one GET gives the whole");
      assertEquals(draft.getString("body"), await(node.http.get("/api/v1/articles/" + id).bearerTokenAuthentication(agent).send())
          .bodyAsJsonObject().getString("body"));
      assertEquals(404, await(node.http.get("/help/demo/" + id).send()).statusCode(), "the help centre shows no draft");

      HttpResponse<Buffer> byAgent = await(node.http.put("/api/v1/articles/" + id).bearerTokenAuthentication(agent)
          .sendJsonObject(article("de", "Gutscheine einlösen", "Neu", true)));
      assertEquals(403, byAgent.statusCode());
      HttpResponse<Buffer> published = await(node.http.put("/api/v1/articles/" + id).bearerTokenAuthentication(admin)
          .sendJsonObject(article("de", "Gutscheine einlösen", "Den Code geben Sie im letzten Schritt ein.", true)));
      assertEquals(200, published.statusCode(), published.bodyAsString());
      assertEquals("Gutscheine einlösen", titlesFound(node, "Gutschein einloesen", "de").get(0));
      assertEquals(200, await(node.http.get("/help/demo/" + id).send()).statusCode());

      assertEquals(403, await(node.http.delete("/api/v1/articles/" + id).bearerTokenAuthentication(agent).send()).statusCode());
      assertEquals(204, await(node.http.delete("/api/v1/articles/" + id).bearerTokenAuthentication(admin).send()).statusCode());
      assertFalse(titlesFound(node, "Gutschein einloesen", "de").contains("Gutscheine einlösen"));
      assertEquals(404, await(node.http.get("/api/v1/articles/" + id).bearerTokenAuthentication(agent).send()).statusCode());
      assertEquals(404, await(node.http.delete("/api/v1/articles/" + id).bearerTokenAuthentication(admin).send()).statusCode());
    }
  }

  @Test
  void aBadArticleIsRefusedWithAClearErrorAndChangesNothing(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String admin = node.loginAdmin().token();
      int before = await(node.http.get("/api/v1/articles").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("articles").size();
      JsonObject good = article("en", "Gift cards", "Buy them online.", true);
      for (JsonObject bad : List.of(good.copy().put("language", "fr"), good.copy().put("title", " "),
          good.copy().put("title", "x".repeat(151)), good.copy().put("body", 42), good.copy().put("keywords", "a, b"),
          good.copy().put("keywords", new JsonArray().add(new JsonObject())), good.copy().put("published", "yes"),
          good.copy().put("siteKey", "other"), good.copy().put("title", "two\nlines"), good.copy().put("body", "x".repeat(20_001)))) {
        HttpResponse<Buffer> refused = await(node.http.post("/api/v1/articles").bearerTokenAuthentication(admin).sendJsonObject(bad));
        assertEquals(400, refused.statusCode(), bad.encode());
        assertEquals("invalid_input", errorCode(refused), refused.bodyAsString());
        assertFalse(refused.bodyAsJsonObject().getJsonObject("error").getString("message").isBlank());
      }
      assertEquals(before, await(node.http.get("/api/v1/articles").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("articles").size(), "nothing was stored");
      assertEquals(401, await(node.http.get("/api/v1/articles").send()).statusCode());
      assertEquals(404, await(node.http.put("/api/v1/articles/0123456789abcdef01234567").bearerTokenAuthentication(admin)
          .sendJsonObject(good)).statusCode());
      assertEquals(404, await(node.http.get("/api/v1/articles/not-an-id").bearerTokenAuthentication(admin).send()).statusCode());

      String demoArticle = await(node.http.get("/api/v1/articles").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("articles").getJsonObject(0).getString("id");
      String otherAdmin = node.agentOfAnotherSite("admin").token();
      assertEquals(404, await(node.http.get("/api/v1/articles/" + demoArticle).bearerTokenAuthentication(otherAdmin).send()).statusCode());
      assertEquals(404, await(node.http.delete("/api/v1/articles/" + demoArticle).bearerTokenAuthentication(otherAdmin).send())
          .statusCode(), "another site's admin cannot touch the demo shop's articles");
      assertEquals(200, await(node.http.get("/api/v1/articles/" + demoArticle).bearerTokenAuthentication(admin).send()).statusCode());
    }
  }

  @Test
  void aHostileArticleRendersInertInTheApiAndInTheHelpCentre(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String admin = node.loginAdmin().token();
      JsonObject created = await(node.http.post("/api/v1/articles").bearerTokenAuthentication(admin)
          .sendJsonObject(article("de", "<img src=x onerror=alert(9)> Angebot", HostileMarkdown.BODY, true))).bodyAsJsonObject();
      String html = created.getString("html");
      assertFalse(HostileMarkdown.ACTIVE.matcher(html).find(), html);

      HttpResponse<Buffer> page = await(node.http.get("/help/demo/" + created.getString("id")).send());
      assertEquals(200, page.statusCode());
      String body = page.bodyAsString();
      assertFalse(HostileMarkdown.ACTIVE.matcher(body).find(), body);
      assertTrue(body.contains("&lt;img src=x onerror=alert(9)&gt; Angebot"), "the title is shown as text: " + body);
      String csp = page.getHeader("Content-Security-Policy");
      assertTrue(csp.contains("default-src 'none'") && !csp.contains("unsafe") && !csp.contains("script-src"), csp);
      String listing = await(node.http.get("/help/demo/").putHeader("Accept-Language", "de").send()).bodyAsString();
      assertTrue(listing.contains("&lt;img src=x onerror=alert(9)&gt; Angebot"), "the listing shows the title as text too");
      assertFalse(HostileMarkdown.ACTIVE.matcher(listing).find(), listing);
    }
  }

  @Test
  void aPreviewRendersTheBodyInertAndStoresNothing(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String admin = node.loginAdmin().token();
      String agent = node.createAgent("Kim", 2).token();
      int before = await(node.http.get("/api/v1/articles").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("articles").size();
      JsonObject hostile = article("de", "Vorschau Gutscheinwoche", "Nur **heute**.\n\n" + HostileMarkdown.BODY, true);

      HttpResponse<Buffer> preview = await(node.http.post("/api/v1/articles/preview").bearerTokenAuthentication(admin)
          .sendJsonObject(hostile));
      assertEquals(200, preview.statusCode(), preview.bodyAsString());
      String html = preview.bodyAsJsonObject().getString("html");
      assertTrue(html.contains("<strong>heute</strong>"), html);
      assertFalse(HostileMarkdown.ACTIVE.matcher(html).find(), html);
      assertEquals(before, await(node.http.get("/api/v1/articles").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("articles").size(), "a preview stores nothing");
      assertFalse(titlesFound(node, "Gutscheinwoche", "de").contains("Vorschau Gutscheinwoche"), "nor can visitors find it");

      HttpResponse<Buffer> refused = await(node.http.post("/api/v1/articles/preview").bearerTokenAuthentication(admin)
          .sendJsonObject(hostile.copy().put("language", "fr")));
      assertEquals(400, refused.statusCode());
      assertEquals("invalid_input", errorCode(refused), "a preview checks what a save would");
      assertEquals(403, await(node.http.post("/api/v1/articles/preview").bearerTokenAuthentication(agent)
          .sendJsonObject(hostile)).statusCode(), "only admins write, so only admins preview");
    }
  }

  @Test
  void questionsThatFoundNothingAreCountedForTheEditors(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      assertTrue(titlesFound(node, "Quantenphysik?", "de").isEmpty());
      assertTrue(titlesFound(node, "quantenphysik", "de").isEmpty());
      assertTrue(titlesFound(node, "Habt ihr Tee", "de").isEmpty());
      assertFalse(titlesFound(node, "Versand", "de").isEmpty(), "a question with an answer is not counted");
      await(node.http.get("/help/demo/").addQueryParam("lang", "de").addQueryParam("q", "Quantenphysik").send());
      // The widget's suggestions while the visitor types: half-typed words are not the editors' business.
      HttpResponse<Buffer> typing = await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", "Quantenphy")
          .addQueryParam("typing", "1").putHeader("Origin", node.origin()).send());
      assertEquals(200, typing.statusCode(), typing.bodyAsString());
      assertEquals(400, await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", "Quantenphy")
          .addQueryParam("typing", "yes").putHeader("Origin", node.origin()).send()).statusCode());
      String agent = node.createAgent("Kim", 2).token();
      JsonArray questions = await(node.http.get("/api/v1/unanswered-questions").bearerTokenAuthentication(agent).send())
          .bodyAsJsonObject().getJsonArray("questions");
      assertEquals(2, questions.size(), questions.encode());
      assertEquals("quantenphysik", questions.getJsonObject(0).getString("question"));
      assertEquals(3, questions.getJsonObject(0).getLong("count"), "the widget's two searches and the help centre's");
      assertEquals("habt ihr tee", questions.getJsonObject(1).getString("question"));
      assertEquals(0, await(node.http.get("/api/v1/unanswered-questions").bearerTokenAuthentication(node.agentOfAnotherSite("admin").token())
          .send()).bodyAsJsonObject().getJsonArray("questions").size(), "each site has its own list");
      assertEquals(400, await(node.http.get("/api/v1/unanswered-questions?limit=0").bearerTokenAuthentication(agent).send()).statusCode());
    }
  }

  @Test
  void visitorsWhoSearchTooFastAreToldToWait(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      // A connection per request, so that all of them arrive at once, however long a search takes.
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()),
          new PoolOptions().setHttp1MaxSize(100));
      List<io.vertx.core.Future<HttpResponse<Buffer>>> searches = new java.util.ArrayList<>();
      for (int i = 0; i < 100; i++) {
        searches.add(client.get("/api/v1/sites/demo/articles").addQueryParam("q", "Versand " + i)
            .putHeader("Origin", node.origin()).send());
      }
      await(io.vertx.core.Future.join(searches));
      client.close();
      List<HttpResponse<Buffer>> limited = searches.stream().map(f -> f.result()).filter(r -> r.statusCode() == 429).toList();
      assertFalse(limited.isEmpty(), "100 searches at once from one address meet the limit");
      assertEquals("rate_limited", errorCode(limited.get(0)));
    }
  }
}
