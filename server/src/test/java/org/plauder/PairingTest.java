package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/** Who gets which chat: capacity, FIFO queue, positions, away agents, transfer. */
@ExtendWith(VertxExtension.class)
class PairingTest {

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

  /** A visitor or agent with its own socket, registered on its inbox. */
  record Connected(Person person, BridgeClient bus) {}

  Connected agent(String name, int maxChats, String status) {
    Person agent = node.createAgent(name, maxChats);
    BridgeClient bus = node.bridge();
    sockets.add(bus);
    bus.register("agent." + agent.id(), agent.token());
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", status)));
    return new Connected(agent, bus);
  }

  Connected visitor() {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    sockets.add(bus);
    bus.register("visitor." + visitor.id(), visitor.token());
    return new Connected(visitor, bus);
  }

  JsonObject requestChat(Connected visitor) {
    return await(visitor.bus().request("visitor.requestChat", visitor.person().token(), new JsonObject()));
  }

  JsonArray conversationsWithStatus(String status) {
    return await(node.http.get("/api/v1/conversations?status=" + status).bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getJsonArray("conversations");
  }

  Map<String, Integer> loadsByName() {
    JsonArray agents = await(node.http.get("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getJsonArray("agents");
    Map<String, Integer> loads = new HashMap<>();
    agents.forEach(a -> loads.put(((JsonObject) a).getString("name"), ((JsonObject) a).getInteger("load")));
    return loads;
  }

  @Test
  void twentyConcurrentRequestsFillSixSlotsAndQueueFourteenWithPositions() {
    List<Connected> agents = List.of(agent("A1", 2, "online"), agent("A2", 2, "online"), agent("A3", 2, "online"));
    List<Connected> visitors = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      visitors.add(visitor());
    }
    List<Future<JsonObject>> requests = visitors.stream()
        .map(v -> v.bus().request("visitor.requestChat", v.person().token(), new JsonObject()))
        .toList();
    await(Future.all(requests));

    // A reply is a snapshot; a chat queued at that moment may be assigned by a drain still running.
    assertEquals(6, conversationsWithStatus("active").size());
    assertEquals(14, conversationsWithStatus("queued").size());
    assertEquals(Map.of("A1", 2, "A2", 2, "A3", 2, "Admin", 0), loadsByName());

    // Every queued visitor is told its current place: together the places are 1..14 in queue order.
    Map<Integer, Connected> byPosition = new HashMap<>();
    for (Connected v : visitors) {
      JsonObject state = await(v.bus().request("visitor.history", v.person().token(), new JsonObject()));
      if ("queued".equals(state.getString("status"))) {
        byPosition.put(state.getInteger("position"), v);
      }
    }
    assertEquals(java.util.stream.IntStream.rangeClosed(1, 14).boxed().collect(Collectors.toSet()), byPosition.keySet());

    // Closing one active chat hands the freed slot to position 1, and everyone moves up.
    Connected firstInLine = byPosition.get(1);
    Connected secondInLine = byPosition.get(2);
    Connected a1 = agents.get(0);
    JsonObject a1Chats = await(a1.bus().request("agent.conversations", a1.person().token(), new JsonObject()));
    String closing = a1Chats.getJsonArray("active").getJsonObject(0).getString("id");
    await(a1.bus().request("agent.close", a1.person().token(), new JsonObject().put("conversationId", closing)));

    JsonObject assigned = await(firstInLine.bus().push("assigned"));
    assertEquals("A1", assigned.getJsonObject("conversation").getString("agentName"));
    JsonObject moved = await(secondInLine.bus().push(p -> "queued".equals(p.getString("type")) && p.getInteger("position") == 1));
    assertTrue(moved.getBoolean("agentsOnline"));
    assertEquals(2, loadsByName().get("A1"));
  }

  @Test
  void queuedVisitorsAreServedInArrivalOrder() {
    Connected agent = agent("Solo", 1, "online");
    Connected first = visitor();
    Connected second = visitor();
    Connected third = visitor();
    assertEquals("active", requestChat(first).getString("status"));
    JsonObject secondState = requestChat(second);
    JsonObject thirdState = requestChat(third);
    assertEquals(1, secondState.getInteger("position"));
    assertEquals(2, thirdState.getInteger("position"));

    String firstChat = await(first.bus().request("visitor.history", first.person().token(), new JsonObject()))
        .getJsonObject("conversation").getString("id");
    await(first.bus().request("visitor.close", first.person().token(), new JsonObject().put("conversationId", firstChat)));
    assertEquals("Solo", await(second.bus().push("assigned")).getJsonObject("conversation").getString("agentName"));
    assertEquals(1, await(third.bus().push(p -> "queued".equals(p.getString("type")) && p.getInteger("position") == 1))
        .getInteger("position"));
    assertFalse(third.bus().pendingPushes().stream().anyMatch(p -> "assigned".equals(p.getString("type"))));
  }

  @Test
  void awayAgentsGetNoNewChatsAndGetTheQueueWhenTheyComeOnline() {
    Connected away = agent("Away", 3, "away");
    Connected online = agent("Online", 1, "online");
    Connected v1 = visitor();
    Connected v2 = visitor();
    assertEquals("Online", requestChat(v1).getJsonObject("conversation").getString("agentName"));
    JsonObject waiting = requestChat(v2);
    assertEquals("queued", waiting.getString("status"));
    assertEquals(Map.of("Away", 0, "Online", 1, "Admin", 0), loadsByName());

    await(away.bus().request("agent.status", away.person().token(), new JsonObject().put("status", "online")));
    JsonObject assigned = await(away.bus().push("assigned"));
    assertEquals(waiting.getJsonObject("conversation").getString("id"), assigned.getJsonObject("conversation").getString("id"));
    assertEquals("Away", await(v2.bus().push("assigned")).getJsonObject("conversation").getString("agentName"));
  }

  @Test
  void raisingMaxChatsAssignsWaitingChatsAtOnce() {
    Connected agent = agent("Grows", 1, "online");
    requestChat(visitor());
    Connected waiting = visitor();
    assertEquals("queued", requestChat(waiting).getString("status"));
    JsonObject updated = await(agent.bus().request("agent.status", agent.person().token(), new JsonObject().put("maxChats", 2)));
    assertEquals(2, updated.getJsonObject("agent").getInteger("load"));
    assertEquals("Grows", await(waiting.bus().push("assigned")).getJsonObject("conversation").getString("agentName"));
  }

  @Test
  void anAgentTransfersAChatWithANoteToAnotherOnlineAgent() {
    Connected from = agent("From", 2, "online");
    Connected visitor = visitor();
    String chat = requestChat(visitor).getJsonObject("conversation").getString("id");
    Connected to = agent("To", 2, "online");

    JsonObject moved = await(from.bus().request("agent.transfer", from.person().token(), new JsonObject()
        .put("conversationId", chat).put("toAgentId", to.person().id()).put("note", "Fragt nach Rechnung")));
    assertEquals("To", moved.getJsonObject("conversation").getString("agentName"));

    JsonObject arrived = await(to.bus().push(p -> "assigned".equals(p.getString("type"))
        && chat.equals(p.getJsonObject("conversation").getString("id"))));
    assertEquals("From", arrived.getJsonObject("transferredFrom").getString("name"));
    assertEquals("Fragt nach Rechnung", arrived.getString("note"));
    assertEquals(chat, await(from.bus().push("transferred")).getString("conversationId"));
    assertEquals("To", await(visitor.bus().push(p -> "assigned".equals(p.getString("type"))
        && "To".equals(p.getJsonObject("conversation").getString("agentName")))).getJsonObject("conversation").getString("agentName"));
    assertEquals(Map.of("From", 0, "To", 1, "Admin", 0), loadsByName());

    var refused = assertRefused(from.bus().request("agent.send", from.person().token(), new JsonObject()
        .put("conversationId", chat).put("text", "noch ich?").put("clientMsgId", "x-1")));
    assertEquals("not_your_chat", refused.code());
    JsonObject ack = await(to.bus().request("agent.send", to.person().token(), new JsonObject()
        .put("conversationId", chat).put("text", "Ich übernehme.").put("clientMsgId", "t-1")));
    assertNotNull(ack.getLong("seq"));
  }

  @Test
  void aTransferToAnAgentWithoutRoomIsRefusedAndChangesNothing() {
    Connected from = agent("Holder", 2, "online");
    Connected visitor = visitor();
    String chat = requestChat(visitor).getJsonObject("conversation").getString("id");
    Connected full = agent("Full", 0, "online");

    var refused = assertRefused(from.bus().request("agent.transfer", from.person().token(), new JsonObject()
        .put("conversationId", chat).put("toAgentId", full.person().id())));
    assertEquals("agent_unavailable", refused.code());
    assertEquals(Map.of("Holder", 1, "Full", 0, "Admin", 0), loadsByName());
  }
}
