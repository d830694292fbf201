package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.cluster.ClusteredVertx;
import org.plauder.config.Config;
import org.plauder.store.EmbeddedMongo;

/** Two nodes on a clustered event bus and one database act as one server to their clients. */
class ClusterTest {

  @TempDir
  Path dataDir;

  @Test
  void aVisitorOnOneNodeChatsWithAnAgentOnTheOther() {
    Config.Cluster cluster = new Config.Cluster("plauder-test-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of("127.0.0.1"));
    EmbeddedMongo db = EmbeddedMongo.start(dataDir);
    Vertx vertxA = await(ClusteredVertx.start(cluster));
    Vertx vertxB = await(ClusteredVertx.start(cluster));
    TestNode a = TestNode.start(vertxA, TestNode.config(dataDir.resolve("a"), db.connectionString()));
    TestNode b = TestNode.start(vertxB, TestNode.config(dataDir.resolve("b"), db.connectionString()));
    BridgeClient visitorBus = a.bridge();
    BridgeClient agentBus = b.bridge();
    try {
      Person agent = b.createAgent("Bea", 2);
      agentBus.register("agent." + agent.id(), agent.token());
      await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
      Person visitor = a.newVisitor();
      visitorBus.register("visitor." + visitor.id(), visitor.token());

      // Registrations travel through the cluster asynchronously; a round trip on each socket
      // proves each node has handled its registration frame.
      await(visitorBus.request("visitor.history", visitor.token(), new JsonObject()));
      String chat = await(visitorBus.request("visitor.requestChat", visitor.token(), new JsonObject()))
          .getJsonObject("conversation").getString("id");
      assertEquals(chat, await(agentBus.push("assigned")).getJsonObject("conversation").getString("id"));

      await(agentBus.request("agent.send", agent.token(), new JsonObject()
          .put("conversationId", chat).put("text", "Grüße von Knoten B").put("clientMsgId", "b-1")));
      assertEquals("Grüße von Knoten B", await(visitorBus.push("message")).getJsonObject("message").getString("text"));
      await(visitorBus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", chat).put("text", "Antwort von Knoten A").put("clientMsgId", "a-1")));
      assertEquals("Antwort von Knoten A", await(agentBus.push(p -> "message".equals(p.getString("type"))
          && "visitor".equals(p.getJsonObject("message").getString("sender")))).getJsonObject("message").getString("text"));
    } finally {
      visitorBus.close();
      agentBus.close();
      a.close();
      b.close();
      await(vertxA.close());
      await(vertxB.close());
      db.close();
    }
  }
}
