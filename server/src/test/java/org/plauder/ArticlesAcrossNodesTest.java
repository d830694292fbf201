package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.cluster.ClusteredVertx;
import org.plauder.config.Config;
import org.plauder.store.EmbeddedMongo;

/** Every node searches its own index: it learns each change from the others, and rebuilds it from the store after a restart. */
class ArticlesAcrossNodesTest {

  @TempDir
  Path dataDir;

  /** Polls for up to 10 s: the other node hears the event a moment after the writing node answered. */
  private static void eventually(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void anArticleWrittenOnOneNodeIsFoundOnTheOtherAndGoneThereWhenDeleted() {
    Config.Cluster cluster = new Config.Cluster("plauder-test-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of("127.0.0.1"));
    EmbeddedMongo db = EmbeddedMongo.start(dataDir);
    Vertx vertxA = await(ClusteredVertx.start(cluster));
    Vertx vertxB = await(ClusteredVertx.start(cluster));
    TestNode a = TestNode.start(vertxA, TestNode.config(dataDir.resolve("a"), db.connectionString()));
    TestNode b = TestNode.start(vertxB, TestNode.config(dataDir.resolve("b"), db.connectionString()));
    try {
      String admin = a.loginAdmin().token();
      JsonObject created = await(a.http.post("/api/v1/articles").bearerTokenAuthentication(admin)
          .sendJsonObject(KnowledgeBaseTest.article("en", "Gift cards", "Buy them online, they never expire.", true)))
          .bodyAsJsonObject();
      eventually(() -> KnowledgeBaseTest.titlesFound(b, "giftcard", "en").contains("Gift cards"), "node B finds the new article");

      await(a.http.put("/api/v1/articles/" + created.getString("id")).bearerTokenAuthentication(admin)
          .sendJsonObject(KnowledgeBaseTest.article("en", "Vouchers", "Buy them online, they never expire.", true)));
      eventually(() -> KnowledgeBaseTest.titlesFound(b, "voucher", "en").contains("Vouchers"), "node B finds the new title");
      assertFalse(KnowledgeBaseTest.titlesFound(b, "Gift cards", "en").contains("Gift cards"), "and not the old one");

      assertEquals(204, await(a.http.delete("/api/v1/articles/" + created.getString("id")).bearerTokenAuthentication(admin).send())
          .statusCode());
      eventually(() -> !KnowledgeBaseTest.titlesFound(b, "voucher", "en").contains("Vouchers"), "node B forgets the deleted article");
    } finally {
      a.close();
      b.close();
      await(vertxA.close());
      await(vertxB.close());
      db.close();
    }
  }

  @Test
  void afterARestartTheNodeFindsWhatWasWrittenAndADeletedDemoArticleStaysDeleted() {
    Vertx vertx = Vertx.vertx();
    try {
      String deletedTitle;
      try (TestNode node = TestNode.start(vertx, dataDir)) {
        String admin = node.loginAdmin().token();
        await(node.http.post("/api/v1/articles").bearerTokenAuthentication(admin)
            .sendJsonObject(KnowledgeBaseTest.article("de", "Gutscheine einlösen", "An der Kasse im letzten Schritt.", true)));
        JsonObject demo = await(node.http.get("/api/v1/articles").bearerTokenAuthentication(admin).send())
            .bodyAsJsonObject().getJsonArray("articles").stream().map(o -> (JsonObject) o)
            .filter(o -> o.getString("title").startsWith("Kaffee richtig lagern")).findFirst().orElseThrow();
        deletedTitle = demo.getString("title");
        assertEquals(204, await(node.http.delete("/api/v1/articles/" + demo.getString("id")).bearerTokenAuthentication(admin).send())
            .statusCode());
      }
      try (TestNode node = TestNode.start(vertx, dataDir)) {
        assertEquals("Gutscheine einlösen", KnowledgeBaseTest.titlesFound(node, "Gutschein", "de").get(0));
        assertFalse(KnowledgeBaseTest.titlesFound(node, "Kaffee lagern", "de").contains(deletedTitle),
            "the demo articles are given once, not again on every start");
        assertTrue(KnowledgeBaseTest.titlesFound(node, "Versand", "de").contains("Versand und Lieferzeiten"));
      }
    } finally {
      await(vertx.close());
    }
  }
}
