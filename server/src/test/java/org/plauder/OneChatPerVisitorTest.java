package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/** A visitor never has two open chats, also when two of its tabs ask for one in the same instant. */
@ExtendWith(VertxExtension.class)
class OneChatPerVisitorTest {

  @TempDir
  Path dataDir;

  TestNode node;
  final List<BridgeClient> sockets = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    sockets.forEach(BridgeClient::close);
    node.close();
  }

  BridgeClient tab(Person visitor) {
    BridgeClient bus = node.bridge();
    sockets.add(bus);
    bus.register("visitor." + visitor.id(), visitor.token());
    return bus;
  }

  @Test
  void twoTabsAskingAtOnceShareOneChatAndOneSlot() {
    OnlineAgent agent = node.onlineAgent("Anna", 50);
    sockets.add(agent.bus());
    int visitors = 15;
    for (int i = 0; i < visitors; i++) {
      Person visitor = node.newVisitor();
      BridgeClient first = tab(visitor);
      BridgeClient second = tab(visitor);
      // Both frames leave before either answer is back.
      Future<JsonObject> a = first.request("visitor.requestChat", visitor.token(), new JsonObject());
      Future<JsonObject> b = second.request("visitor.requestChat", visitor.token(), new JsonObject());
      String idA = await(a).getJsonObject("conversation").getString("id");
      String idB = await(b).getJsonObject("conversation").getString("id");
      assertEquals(idA, idB, "both tabs are in the same chat");
    }
    JsonObject desk = await(agent.bus().request("agent.conversations", agent.person().token(), new JsonObject()));
    assertEquals(visitors, desk.getJsonArray("active").size(), "one chat per visitor");
    Set<String> owners = new HashSet<>();
    desk.getJsonArray("active").forEach(c -> owners.add(((JsonObject) c).getString("visitorId")));
    assertEquals(visitors, owners.size());
    assertEquals(visitors, desk.getJsonObject("agent").getInteger("load"), "the agent's load counts each chat once");
  }
}
