package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;
import org.plauder.store.EmbeddedMongo;

/** Two tabs of one visitor on two nodes, asking in the same instant, still share one chat. */
@ExtendWith(VertxExtension.class)
class OneChatAcrossNodesTest {

  @TempDir
  Path dataDir;

  @Test
  void twoTabsOnTwoNodesAskingAtOnceShareOneChatAndOneSlot(Vertx vertx) {
    EmbeddedMongo db = EmbeddedMongo.start(dataDir.resolve("db"));
    TestNode a = TestNode.start(vertx, TestNode.config(dataDir.resolve("a"), db.connectionString()));
    TestNode b = TestNode.start(vertx, TestNode.config(dataDir.resolve("b"), db.connectionString()));
    List<BridgeClient> sockets = new ArrayList<>();
    try {
      OnlineAgent agent = a.onlineAgent("Anna", 50);
      sockets.add(agent.bus());
      int visitors = 15;
      for (int i = 0; i < visitors; i++) {
        Person visitor = (i % 2 == 0 ? a : b).newVisitor();
        BridgeClient onA = a.bridge();
        BridgeClient onB = b.bridge();
        sockets.add(onA);
        sockets.add(onB);
        Future<JsonObject> first = onA.request("visitor.requestChat", visitor.token(), new JsonObject());
        Future<JsonObject> second = onB.request("visitor.requestChat", visitor.token(), new JsonObject());
        assertEquals(await(first).getJsonObject("conversation").getString("id"),
            await(second).getJsonObject("conversation").getString("id"), "both tabs are in the same chat");
      }
      JsonObject desk = await(agent.bus().request("agent.conversations", agent.person().token(), new JsonObject()));
      assertEquals(visitors, desk.getJsonArray("active").size(), "one chat per visitor");
      assertEquals(visitors, desk.getJsonObject("agent").getInteger("load"), "the agent's load counts each chat once");
    } finally {
      sockets.forEach(BridgeClient::close);
      a.close();
      b.close();
      db.close();
    }
  }
}
