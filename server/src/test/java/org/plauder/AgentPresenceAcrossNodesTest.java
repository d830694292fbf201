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

/** On two clustered nodes: the agent's node stops, and after the grace period the other node hands its chat to a colleague. */
class AgentPresenceAcrossNodesTest {

  @TempDir
  Path dataDir;

  @Test
  void whenTheAgentsNodeStopsItsChatGoesToAColleagueOnTheOtherNode() {
    Config.Cluster cluster = new Config.Cluster("plauder-test-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of("127.0.0.1"));
    EmbeddedMongo db = EmbeddedMongo.start(dataDir);
    Vertx vertxA = await(ClusteredVertx.start(cluster));
    Vertx vertxB = await(ClusteredVertx.start(cluster));
    TestNode a = TestNode.start(vertxA, TestNode.config(dataDir.resolve("a"), db.connectionString()));
    TestNode b = TestNode.start(vertxB, TestNode.config(dataDir.resolve("b"), db.connectionString()));
    BridgeClient annaBus = a.bridge();
    BridgeClient benBus = b.bridge();
    BridgeClient evaBus = b.bridge();
    try {
      assertEquals(200, await(b.http.patch("/api/v1/site").bearerTokenAuthentication(b.loginAdmin().token())
          .sendJsonObject(new JsonObject().put("agentGraceSeconds", 1))).statusCode());
      Person anna = a.createAgent("Anna", 2);
      annaBus.register("agent." + anna.id(), anna.token());
      await(annaBus.request("agent.status", anna.token(), new JsonObject().put("status", "online")));

      // Eva, on node B, gets Anna, whose dashboard is on node A.
      Person eva = b.newVisitor();
      evaBus.register("visitor." + eva.id(), eva.token());
      await(evaBus.request("visitor.pageView", eva.token(), new JsonObject().put("url", "http://localhost/demo/").put("language", "en")));
      String chat = await(evaBus.request("visitor.requestChat", eva.token(), new JsonObject().put("text", "Hello?").put("clientMsgId", "e-1")))
          .getJsonObject("conversation").getString("id");
      assertEquals("Anna", await(evaBus.push("assigned")).getJsonObject("conversation").getString("agentName"));

      Person ben = b.createAgent("Ben", 2);
      benBus.register("agent." + ben.id(), ben.token());
      await(benBus.request("agent.status", ben.token(), new JsonObject().put("status", "online")));

      a.close(); // node A stops: its sockets close, Anna's dashboard is gone

      JsonObject line = await(evaBus.push(p -> "message".equals(p.getString("type"))
          && "system".equals(p.getJsonObject("message").getString("sender"))));
      assertEquals("Anna lost the connection; Ben takes over.", line.getJsonObject("message").getString("text"));
      JsonObject benGets = await(benBus.push(p -> "assigned".equals(p.getString("type"))
          && chat.equals(p.getJsonObject("conversation").getString("id"))));
      assertEquals(List.of(anna.id(), "agentLost"), List.of(benGets.getJsonObject("transferredFrom").getString("id"), benGets.getString("reason")));
      assertEquals("Ben", await(evaBus.push(p -> "assigned".equals(p.getString("type"))
          && "Ben".equals(p.getJsonObject("conversation").getString("agentName")))).getJsonObject("conversation").getString("agentName"));
    } finally {
      annaBus.close();
      benBus.close();
      evaBus.close();
      b.close();
      await(vertxA.close());
      await(vertxB.close());
      db.close();
    }
  }
}
