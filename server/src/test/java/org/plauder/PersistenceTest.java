package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.config.Config;
import org.plauder.store.EmbeddedMongo;

/** What is stored stays stored: across restarts, and exact when two nodes share one database. */
@ExtendWith(VertxExtension.class)
class PersistenceTest {

  @TempDir
  Path dataDir;

  @Test
  void messagesAndTokensSurviveARestartOnTheSameDataDirectory(Vertx vertx) {
    // No JWT secret configured: the generated one must be stored, or old tokens die with the process.
    Config config = withoutSecret(TestNode.config(dataDir, null));
    TestNode first = TestNode.start(vertx, config);
    Person agent = first.createAgent("Anna", 2);
    Person visitor = first.newVisitor();
    String chat;
    try (BridgeClient bus = first.bridge()) {
      bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
      await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
      chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()
          .put("text", "Vor dem Neustart").put("clientMsgId", "r-1"))).getJsonObject("conversation").getString("id");
      await(bus.request("agent.send", agent.token(), new JsonObject()
          .put("conversationId", chat).put("text", "Antwort 🙂").put("clientMsgId", "r-2")));
    }
    first.close();

    TestNode second = TestNode.start(vertx, config);
    try (BridgeClient bus = second.bridge()) {
      JsonObject history = await(bus.request("visitor.history", visitor.token(), new JsonObject()));
      assertEquals(chat, history.getJsonObject("conversation").getString("id"));
      assertEquals("active", history.getString("status"));
      JsonArray messages = history.getJsonArray("messages");
      assertEquals(2, messages.size());
      assertEquals("Vor dem Neustart", messages.getJsonObject(0).getString("text"));
      assertEquals("Antwort 🙂", messages.getJsonObject(1).getString("text"));
      JsonObject ack = await(bus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", chat).put("text", "Nach dem Neustart").put("clientMsgId", "r-3")));
      assertEquals(3, ack.getLong("seq"));
      // The agent's stored load survived too: the chat still counts against its capacity.
      JsonObject me = await(bus.request("agent.conversations", agent.token(), new JsonObject()));
      assertEquals(1, me.getJsonObject("agent").getInteger("load"));
    } finally {
      second.close();
    }
  }

  @Test
  void twoNodesOnOneDatabaseNeverGiveAnAgentMoreThanMaxChats(Vertx vertx) {
    EmbeddedMongo db = EmbeddedMongo.start(dataDir);
    TestNode a = TestNode.start(vertx, TestNode.config(dataDir.resolve("a"), db.connectionString()));
    TestNode b = TestNode.start(vertx, TestNode.config(dataDir.resolve("b"), db.connectionString()));
    List<BridgeClient> sockets = new ArrayList<>();
    try {
      for (String name : List.of("N1", "N2")) {
        Person agent = a.createAgent(name, 2);
        BridgeClient bus = b.bridge();
        sockets.add(bus);
        bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
        await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
      }
      List<Future<JsonObject>> requests = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        TestNode node = i % 2 == 0 ? a : b;
        Person visitor = node.newVisitor();
        BridgeClient bus = node.bridge();
        sockets.add(bus);
        requests.add(bus.request("visitor.requestChat", visitor.token(), new JsonObject()));
      }
      await(Future.all(requests));

      String admin = a.loginAdmin().token();
      JsonArray agents = await(b.http.get("/api/v1/agents").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("agents");
      agents.stream().map(o -> (JsonObject) o).filter(o -> o.getString("name").startsWith("N"))
          .forEach(o -> assertEquals(2, o.getInteger("load"), o.getString("name")));
      int active = await(a.http.get("/api/v1/conversations?status=active").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("conversations").size();
      int queued = await(b.http.get("/api/v1/conversations?status=queued").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("conversations").size();
      assertEquals(4, active);
      assertEquals(8, queued);
    } finally {
      sockets.forEach(BridgeClient::close);
      a.close();
      b.close();
      db.close();
    }
  }

  @Test
  void healthSaysWhetherTheDatabaseIsReachable(Vertx vertx) {
    EmbeddedMongo db = EmbeddedMongo.start(dataDir);
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir.resolve("node"), db.connectionString()));
    try {
      var up = await(node.http.get("/health").send());
      assertEquals(200, up.statusCode());
      assertEquals("up", up.bodyAsJsonObject().getString("database"));
      db.close();
      var down = await(node.http.get("/health").send());
      assertEquals(503, down.statusCode());
      assertEquals("down", down.bodyAsJsonObject().getString("database"));
      var login = await(node.http.post("/api/v1/agents/login")
          .sendJsonObject(new JsonObject().put("email", TestNode.ADMIN_EMAIL).put("password", TestNode.ADMIN_PASSWORD)));
      assertTrue(login.statusCode() >= 500, "a login must not succeed without the database");
      assertEquals("database_unavailable", login.bodyAsJsonObject().getJsonObject("error").getString("code"));
    } finally {
      node.close();
    }
  }

  @Test
  void whileTheDatabaseIsDownClientsGetAnErrorInsteadOfAFalseAckAndAllRecoversWhenItReturns(Vertx vertx) throws Exception {
    Path dbDir = dataDir.resolve("db");
    EmbeddedMongo db = EmbeddedMongo.start(dbDir);
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir.resolve("node"), db.connectionString()));
    try (BridgeClient bus = node.bridge()) {
      Person agent = node.createAgent("Anna", 2);
      Person visitor = node.newVisitor();
      bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
      await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
      String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject())).getJsonObject("conversation").getString("id");
      JsonObject message = new JsonObject().put("conversationId", chat).put("text", "während des Ausfalls").put("clientMsgId", "o-1");

      db.close();
      var refused = ChatFlowTest.assertRefused(bus.request("visitor.send", visitor.token(), message));
      assertEquals("database_unavailable", refused.code());
      assertEquals(503, refused.failureCode);
      assertEquals(503, await(node.http.get("/health").send()).statusCode());

      db = db.reopen(dbDir);
      long deadline = System.currentTimeMillis() + 20_000;
      while (await(node.http.get("/health").send()).statusCode() != 200 && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      // The client resends the unacknowledged message with the same id: stored once, as seq 1.
      JsonObject ack = await(bus.request("visitor.send", visitor.token(), message));
      assertEquals(1, ack.getLong("seq"));
      assertEquals(1, await(bus.request("visitor.history", visitor.token(), new JsonObject())).getJsonArray("messages").size());
    } finally {
      node.close();
      db.close();
    }
  }

  private static Config withoutSecret(Config c) {
    return c.withJwtSecret(null);
  }
}
