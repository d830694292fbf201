package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.BridgeClient.BridgeError;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * An agent leaves with visitors chatting ({@code agent.leave}) over the real bridge: its chats go to
 * a colleague or back to the queue, stay, or end, with one reply saying how; and when it was the last
 * agent online its visitors are told in their language and may leave a message that carries the chat.
 */
@ExtendWith(VertxExtension.class)
class AgentLeavingTest {

  @TempDir
  Path dataDir;

  TestNode node;
  final java.util.List<BridgeClient> buses = new java.util.ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    buses.forEach(BridgeClient::close);
    node.close();
  }

  private OnlineAgent online(String name, int maxChats) {
    OnlineAgent agent = node.onlineAgent(name, maxChats);
    buses.add(agent.bus());
    return agent;
  }

  /** A visitor with its own bridge that asked for a chat in {@code language}, and that chat's id. */
  private record Chatting(Person visitor, BridgeClient bus, String conversationId) {}

  private Chatting chat(String language, String text) {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register("visitor." + visitor.id(), visitor.token());
    JsonObject state = await(bus.request("visitor.requestChat", visitor.token(),
        new JsonObject().put("name", "Eva").put("text", text).put("clientMsgId", "v-1").put("language", language)));
    return new Chatting(visitor, bus, state.getJsonObject("conversation").getString("id"));
  }

  private JsonObject leave(OnlineAgent agent, JsonObject body) {
    return await(agent.bus().request("agent.leave", agent.person().token(), body));
  }

  private static JsonObject systemMessage(BridgeClient bus, String containing) {
    return await(bus.push(p -> "message".equals(p.getString("type")) && "system".equals(p.getJsonObject("message").getString("sender"))
        && p.getJsonObject("message").getString("text").contains(containing))).getJsonObject("message");
  }

  @Test
  void handedOverChatsGoToTheColleagueWithRoomAndTheRestWaitWithALine() {
    OnlineAgent anna = online("Anna", 2);
    Chatting first = chat("en", "Hello");
    Chatting second = chat("en", "Hi there");
    OnlineAgent ben = online("Ben", 1);
    JsonObject reply = leave(anna, new JsonObject().put("status", "away").put("chats", "handOver"));
    assertEquals(1, reply.getInteger("handedOver"));
    assertEquals(1, reply.getInteger("queued"));
    assertEquals("away", reply.getJsonObject("agent").getString("status"));

    JsonObject atBen = await(ben.bus().push("assigned"));
    assertEquals(anna.person().id(), atBen.getJsonObject("transferredFrom").getString("id"));
    assertEquals("agent", atBen.getString("reason"));
    Chatting moved = atBen.getJsonObject("conversation").getString("id").equals(first.conversationId()) ? first : second;
    Chatting waiting = moved == first ? second : first;
    JsonObject assigned = await(moved.bus().push(p -> "assigned".equals(p.getString("type"))
        && "Ben".equals(p.getJsonObject("conversation").getString("agentName"))));
    assertEquals(moved.conversationId(), assigned.getJsonObject("conversation").getString("id"));
    JsonObject queued = await(waiting.bus().push("queued"));
    assertEquals(true, queued.getBoolean("agentsOnline"), "Ben is online, only full");
    assertEquals("Anna has left; a colleague will take over shortly.", systemMessage(waiting.bus(), "Anna").getString("text"));
  }

  @Test
  void badChoicesAreRefusedAndChangeNothing() {
    OnlineAgent anna = online("Anna", 2);
    Chatting chatting = chat("en", "Hello");
    for (JsonObject bad : new JsonObject[] {
        new JsonObject().put("status", "online").put("chats", "keep"),
        new JsonObject().put("status", "away").put("chats", "maybe"),
        new JsonObject().put("status", "away"),
        new JsonObject().put("status", "away").put("chats", "keep").put("maxChats", 0)}) {
      BridgeError refused = assertThrows(BridgeError.class, () -> leave(anna, bad), bad.encode());
      assertEquals(400, refused.failureCode, bad.encode());
      assertEquals("invalid_input", refused.code());
    }
    JsonObject desk = await(anna.bus().request("agent.conversations", anna.person().token(), new JsonObject()));
    assertEquals("online", desk.getJsonObject("agent").getString("status"));
    assertEquals(1, desk.getJsonArray("active").size());
  }

  @Test
  void theLastAgentKeepingItsChatsLeavesTheVisitorToldAndAbleToLeaveAMessageWithTheChat() {
    OnlineAgent anna = online("Anna", 2);
    Chatting chatting = chat("de", "Hallo, mein Paket ist kaputt.");
    await(chatting.bus().push("assigned"));
    await(anna.bus().request("agent.send", anna.person().token(), new JsonObject()
        .put("conversationId", chatting.conversationId()).put("text", "Das tut mir leid!").put("clientMsgId", "a-1")));
    JsonObject reply = leave(anna, new JsonObject().put("status", "offline").put("chats", "keep"));
    assertEquals(1, reply.getInteger("kept"));

    assertEquals("Anna ist nicht mehr erreichbar, und gerade ist niemand sonst online. Hinterlassen Sie uns eine Nachricht – wir"
        + " antworten per E-Mail.", systemMessage(chatting.bus(), "Anna").getString("text"));
    JsonObject unattended = await(chatting.bus().push("unattended"));
    assertEquals(chatting.conversationId(), unattended.getString("conversationId"));

    JsonObject left = await(chatting.bus().request("visitor.leaveMessage", chatting.visitor().token(), new JsonObject()
        .put("email", "eva@example.org").put("text", "Bitte melden Sie sich.").put("clientMsgId", "o-1")
        .put("conversationId", chatting.conversationId())));
    // sent again (a lost reply): nothing is stored twice
    JsonObject again = await(chatting.bus().request("visitor.leaveMessage", chatting.visitor().token(), new JsonObject()
        .put("email", "eva@example.org").put("text", "Bitte melden Sie sich.").put("clientMsgId", "o-1")
        .put("conversationId", chatting.conversationId())));
    assertEquals(left.getString("conversationId"), again.getString("conversationId"));

    Person admin = node.loginAdmin();
    BridgeClient adminBus = node.bridge();
    buses.add(adminBus);
    JsonArray messages = await(adminBus.request("agent.history", admin.token(),
        new JsonObject().put("conversationId", left.getString("conversationId")))).getJsonArray("messages");
    assertEquals(2, messages.size(), messages.encodePrettily());
    assertEquals("Bitte melden Sie sich.", messages.getJsonObject(0).getString("text"));
    String attached = messages.getJsonObject(1).getString("text");
    assertEquals("system", messages.getJsonObject(1).getString("sender"));
    assertTrue(attached.startsWith("Der Chat vor dieser Nachricht:"), attached);
    assertTrue(attached.contains("Hallo, mein Paket ist kaputt.") && attached.contains("Das tut mir leid!"), attached);
  }

  @Test
  void aChatHandedBackWithNobodyOnlineIsToldToLeaveAMessage() {
    OnlineAgent anna = online("Anna", 2);
    Chatting chatting = chat("en", "Hello");
    await(chatting.bus().push("assigned"));
    JsonObject reply = leave(anna, new JsonObject().put("status", "away").put("chats", "handOver"));
    assertEquals(0, reply.getInteger("handedOver"));
    assertEquals(1, reply.getInteger("queued"));
    assertEquals(false, await(chatting.bus().push("queued")).getBoolean("agentsOnline"));
    assertTrue(systemMessage(chatting.bus(), "Anna").getString("text").startsWith("Anna is no longer available, and nobody else is online"));
    assertEquals(chatting.conversationId(), await(chatting.bus().push("unattended")).getString("conversationId"));
  }
}
