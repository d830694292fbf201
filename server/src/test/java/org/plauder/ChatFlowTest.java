package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.plauder.TestNode.Person;

/** A visitor and an agent chat over the real bridge; messages are ordered, stored once and replayable. */
@ExtendWith(VertxExtension.class)
class ChatFlowTest {

  @TempDir
  Path dataDir;

  TestNode node;
  Person agent;
  Person visitor;
  BridgeClient agentBus;
  BridgeClient visitorBus;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    agent = node.createAgent("Anna", 3);
    visitor = node.newVisitor();
    agentBus = node.bridge();
    visitorBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    visitorBus.register("visitor." + visitor.id(), visitor.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
  }

  @AfterEach
  void stop() {
    agentBus.close();
    visitorBus.close();
    node.close();
  }

  @Test
  void visitorAndAgentExchangeMessagesBothWays() {
    JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(),
        new JsonObject().put("name", "Eva").put("text", "Hallo, wo ist meine Bestellung?").put("clientMsgId", "v-1")));
    assertEquals("active", state.getString("status"));
    assertEquals("Anna", state.getJsonObject("conversation").getString("agentName"));
    String conversationId = state.getJsonObject("conversation").getString("id");

    JsonObject assigned = await(agentBus.push("assigned"));
    assertEquals(conversationId, assigned.getJsonObject("conversation").getString("id"));
    assertEquals("Eva", assigned.getJsonObject("conversation").getString("visitorName"));
    assertEquals(1, assigned.getJsonObject("conversation").getLong("lastSeq"));
    JsonObject history = await(agentBus.request("agent.history", agent.token(), new JsonObject().put("conversationId", conversationId)));
    JsonObject first = history.getJsonArray("messages").getJsonObject(0);
    assertEquals("Hallo, wo ist meine Bestellung?", first.getString("text"));
    assertEquals(1, first.getLong("seq"));

    JsonObject ack = await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Sie ist unterwegs.").put("clientMsgId", "a-1")));
    assertEquals(2, ack.getLong("seq"));
    assertFalse(ack.getBoolean("duplicate"));
    JsonObject atVisitor = await(visitorBus.push(p -> "message".equals(p.getString("type"))
        && p.getJsonObject("message").getLong("seq") == 2));
    assertEquals("agent", atVisitor.getJsonObject("message").getString("sender"));
    assertEquals("Anna", atVisitor.getJsonObject("message").getString("senderName"));
    assertEquals("Sie ist unterwegs.", atVisitor.getJsonObject("message").getString("text"));

    JsonObject visitorAck = await(visitorBus.request("visitor.send", visitor.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Danke!").put("clientMsgId", "v-2")));
    assertEquals(3, visitorAck.getLong("seq"));
    JsonObject atAgent = await(agentBus.push(p -> "message".equals(p.getString("type"))
        && p.getJsonObject("message").getLong("seq") == 3));
    assertEquals("Danke!", atAgent.getJsonObject("message").getString("text"));

    JsonObject typing = new JsonObject().put("conversationId", conversationId).put("typing", true);
    await(agentBus.request("agent.typing", agent.token(), typing));
    JsonObject typingPush = await(visitorBus.push("typing"));
    assertEquals("agent", typingPush.getString("from"));
    assertTrue(typingPush.getBoolean("typing"));
  }

  @Test
  void resendingTheSameClientMsgIdStoresTheMessageOnce() {
    String conversationId = openChat();
    JsonObject message = new JsonObject().put("conversationId", conversationId).put("text", "Nur einmal").put("clientMsgId", "dup-1");
    JsonObject firstAck = await(visitorBus.request("visitor.send", visitor.token(), message));
    JsonObject secondAck = await(visitorBus.request("visitor.send", visitor.token(), message));

    assertEquals(firstAck.getLong("seq"), secondAck.getLong("seq"));
    assertEquals(firstAck.getString("time"), secondAck.getString("time"));
    assertTrue(secondAck.getBoolean("duplicate"));
    JsonArray stored = history(conversationId, 0);
    assertEquals(1, stored.stream().filter(m -> "dup-1".equals(((JsonObject) m).getString("clientMsgId"))).count());
  }

  @Test
  void historyAfterASeqReturnsOnlyWhatWasMissed() {
    String conversationId = openChat();
    for (int i = 1; i <= 5; i++) {
      await(visitorBus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", conversationId).put("text", "Nachricht " + i).put("clientMsgId", "h-" + i)));
    }
    JsonArray missed = history(conversationId, 3);
    assertEquals(2, missed.size());
    assertEquals(4, missed.getJsonObject(0).getLong("seq"));
    assertEquals("Nachricht 4", missed.getJsonObject(0).getString("text"));
    assertEquals(5, missed.getJsonObject(1).getLong("seq"));

    JsonObject agentView = await(agentBus.request("agent.history", agent.token(),
        new JsonObject().put("conversationId", conversationId).put("afterSeq", 0)));
    assertEquals(5, agentView.getJsonArray("messages").size());
  }

  @Test
  void historyIsCompleteWhenTheRecordedLastSeqLagsBehind() {
    String conversationId = openChat();
    for (int i = 1; i <= 3; i++) {
      await(visitorBus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", conversationId).put("text", "m" + i).put("clientMsgId", "lag-" + i)));
    }
    // As if the node died after storing messages 2 and 3 but before recording their seq.
    await(org.plauder.store.Reactive.done(node.server.services().database().conversations().updateOne(
        new org.bson.Document("_id", conversationId), new org.bson.Document("$set", new org.bson.Document("lastSeq", 1L)))));
    var texts = new java.util.ArrayList<String>();
    long after = 0;
    boolean more = true;
    while (more) {
      JsonObject page = await(agentBus.request("agent.history", agent.token(),
          new JsonObject().put("conversationId", conversationId).put("afterSeq", after)));
      page.getJsonArray("messages").forEach(m -> texts.add(((JsonObject) m).getString("text")));
      after = texts.size();
      more = page.getBoolean("hasMore");
    }
    assertEquals(java.util.List.of("m1", "m2", "m3"), texts);
    JsonObject next = await(visitorBus.request("visitor.send", visitor.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "m4").put("clientMsgId", "lag-4")));
    assertEquals(4, next.getLong("seq"));
  }

  @Test
  void concurrentMessagesGetGapFreeSeqs() {
    String conversationId = openChat();
    var acks = new java.util.ArrayList<io.vertx.core.Future<JsonObject>>();
    for (int i = 0; i < 40; i++) {
      BridgeClient bus = i % 2 == 0 ? visitorBus : agentBus;
      String address = i % 2 == 0 ? "visitor.send" : "agent.send";
      String token = i % 2 == 0 ? visitor.token() : agent.token();
      acks.add(bus.request(address, token, new JsonObject()
          .put("conversationId", conversationId).put("text", "parallel " + i).put("clientMsgId", "p-" + i)));
    }
    await(io.vertx.core.Future.all(acks));
    JsonArray stored = history(conversationId, 0);
    assertEquals(40, stored.size());
    for (int i = 0; i < 40; i++) {
      assertEquals(i + 1, stored.getJsonObject(i).getLong("seq"));
    }
  }

  @Test
  void closingEndsTheChatForBothSidesAndRefusesFurtherMessages() {
    String conversationId = openChat();
    JsonObject closed = await(visitorBus.request("visitor.close", visitor.token(), new JsonObject().put("conversationId", conversationId)));
    assertEquals("closed", closed.getJsonObject("conversation").getString("status"));
    assertEquals("visitor", await(agentBus.push("closed")).getString("closedBy"));

    var refused = assertRefused(visitorBus.request("visitor.send", visitor.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "noch da?").put("clientMsgId", "late-1")));
    assertEquals("conversation_closed", refused.code());
    await(visitorBus.request("visitor.rate", visitor.token(), new JsonObject().put("conversationId", conversationId).put("rating", 5)));
  }

  @Test
  void withNoAgentOnlineTheVisitorIsToldAtOnceAndCanLeaveAMessage() {
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "offline")));
    JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(), new JsonObject()));
    assertEquals("offline", state.getString("status"));

    JsonObject left = await(visitorBus.request("visitor.leaveMessage", visitor.token(), new JsonObject()
        .put("name", "Eva").put("email", "eva@example.org").put("text", "Bitte ruft mich an").put("clientMsgId", "off-1")));
    assertEquals("offline", left.getString("status"));
    // The reply was lost on the way and the widget sends the same message again: stored once.
    JsonObject resent = await(visitorBus.request("visitor.leaveMessage", visitor.token(), new JsonObject()
        .put("name", "Eva").put("email", "eva@example.org").put("text", "Bitte ruft mich an").put("clientMsgId", "off-1")));
    assertEquals(left.getString("conversationId"), resent.getString("conversationId"));
    assertEquals(1L, resent.getLong("seq"));

    var response = await(node.http.get("/api/v1/conversations?status=offline").bearerTokenAuthentication(agent.token()).send());
    assertEquals(200, response.statusCode());
    JsonArray offline = response.bodyAsJsonObject().getJsonArray("conversations");
    assertEquals(1, offline.size());
    assertEquals("eva@example.org", offline.getJsonObject(0).getString("visitorEmail"));
    JsonObject transcript = await(agentBus.request("agent.history", agent.token(),
        new JsonObject().put("conversationId", left.getString("conversationId"))));
    assertEquals(1, transcript.getJsonArray("messages").size());
    assertEquals("Bitte ruft mich an", transcript.getJsonArray("messages").getJsonObject(0).getString("text"));

    // A new message (another clientMsgId) is a conversation of its own.
    JsonObject second = await(visitorBus.request("visitor.leaveMessage", visitor.token(), new JsonObject()
        .put("email", "eva@example.org").put("text", "Oder per E-Mail").put("clientMsgId", "off-2")));
    assertNotEquals(left.getString("conversationId"), second.getString("conversationId"));
    assertEquals(2, await(node.http.get("/api/v1/conversations?status=offline").bearerTokenAuthentication(agent.token()).send())
        .bodyAsJsonObject().getJsonArray("conversations").size());
  }

  private String openChat() {
    JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(), new JsonObject()));
    assertEquals("active", state.getString("status"));
    return state.getJsonObject("conversation").getString("id");
  }

  private JsonArray history(String conversationId, long afterSeq) {
    return await(visitorBus.request("visitor.history", visitor.token(),
        new JsonObject().put("conversationId", conversationId).put("afterSeq", afterSeq))).getJsonArray("messages");
  }

  static BridgeClient.BridgeError assertRefused(io.vertx.core.Future<?> future) {
    try {
      await(future);
    } catch (BridgeClient.BridgeError e) {
      return e;
    }
    throw new AssertionError("expected the request to be refused");
  }

  @Test
  void anActiveChatsLastSeqIsStoredBehindItsMessagesAndItsHistoryReadsPastIt() throws Exception {
    JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(),
        new JsonObject().put("name", "Eva").put("text", "Hallo").put("clientMsgId", "v-1")));
    String conversationId = state.getJsonObject("conversation").getString("id");
    for (int i = 2; i <= 6; i++) {
      await(visitorBus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", conversationId).put("text", "Nachricht " + i).put("clientMsgId", "v-" + i)));
    }
    // Whatever the stored hint says at this moment, the history has all six at once.
    JsonArray messages = await(visitorBus.request("visitor.history", visitor.token(),
        new JsonObject().put("conversationId", conversationId))).getJsonArray("messages");
    assertEquals(6, messages.size());
    long deadline = System.nanoTime() + 10_000_000_000L;
    long stored = 0;
    while (stored != 6 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      stored = await(node.server.services().conversations().find(conversationId)).lastSeq();
    }
    assertEquals(6, stored, "the last seq is written behind the messages, not never");
  }
}
