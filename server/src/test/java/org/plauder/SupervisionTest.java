package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.BridgeClient.BridgeError;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * Supervision over the real bridge: a supervisor watches every chat of the site live, whispers to
 * the agent (and the agent back), and takes a chat over; a whisper never reaches the visitor, by
 * any visitor action or in any transcript or export.
 */
@ExtendWith(VertxExtension.class)
class SupervisionTest {

  private static final String WHISPER = "Frag nach der Bestellnummer";
  private static final String WHISPER_BACK = "Hab ich schon, sie sucht noch";

  @TempDir
  Path dataDir;

  TestNode node;
  Person admin;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** A supervisor of the demo site, logged in, on its own bridge connection and online. */
  private OnlineAgent onlineSupervisor(String name) {
    String email = name.toLowerCase() + "@supervisors.test";
    HttpResponse<Buffer> created = await(node.http.post("/api/v1/agents").bearerTokenAuthentication(admin.token())
        .sendJsonObject(new JsonObject().put("email", email).put("password", "password-" + name).put("name", name)
            .put("maxChats", 3).put("role", "supervisor")));
    assertEquals(201, created.statusCode(), created.bodyAsString());
    Person supervisor = node.login(email, "password-" + name);
    BridgeClient bus = node.bridge();
    bus.register("agent." + supervisor.id(), supervisor.token());
    await(bus.request("agent.status", supervisor.token(), new JsonObject().put("status", "online")));
    return new OnlineAgent(supervisor, bus);
  }

  private JsonObject act(OnlineAgent agent, String action, JsonObject body) {
    return await(agent.bus().request(action, agent.person().token(), body));
  }

  private String get(String path, String token) {
    HttpResponse<Buffer> response = await(node.http.get(path).bearerTokenAuthentication(token).send());
    assertEquals(200, response.statusCode(), path + ": " + response.bodyAsString());
    return response.bodyAsString();
  }

  @Test
  void aSupervisorWatchesWhispersAndTakesOverAndTheVisitorNeverSeesAWhisper() {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    Person eva = node.newVisitor();
    BridgeClient evaBus = node.bridge();
    evaBus.register("visitor." + eva.id(), eva.token());
    JsonObject opened = await(evaBus.request("visitor.requestChat", eva.token(),
        new JsonObject().put("text", "Wo bleibt mein Paket?").put("clientMsgId", "e-1")));
    String chat = opened.getJsonObject("conversation").getString("id");
    await(anna.bus().push("assigned"));
    OnlineAgent sina = onlineSupervisor("Sina");

    // The monitor lists the site's open chats and then streams what happens in them.
    JsonObject monitor = act(sina, "agent.monitor", new JsonObject());
    assertEquals(chat, monitor.getJsonArray("conversations").getJsonObject(0).getString("id"));
    await(evaBus.request("visitor.send", eva.token(), new JsonObject().put("conversationId", chat)
        .put("text", "Bestellt am Montag").put("clientMsgId", "e-2")));
    JsonObject watched = await(sina.bus().push(p -> "monitor".equals(p.getString("type")) && "message".equals(p.getString("event"))));
    assertEquals("Bestellt am Montag", watched.getJsonObject("message").getString("text"));

    // Whisper to the agent; a resend is stored once.
    JsonObject whisper = new JsonObject().put("conversationId", chat).put("text", WHISPER).put("clientMsgId", "w-1");
    assertFalse(act(sina, "agent.whisper", whisper).getBoolean("duplicate"));
    assertTrue(act(sina, "agent.whisper", whisper).getBoolean("duplicate"));
    JsonObject toAnna = await(anna.bus().push("whisper")).getJsonObject("whisper");
    assertEquals(WHISPER, toAnna.getString("text"));
    assertEquals("Sina", toAnna.getString("agentName"));
    act(anna, "agent.whisper", new JsonObject().put("conversationId", chat).put("text", WHISPER_BACK).put("clientMsgId", "w-2"));
    JsonObject back = await(sina.bus().push(p -> "monitor".equals(p.getString("type")) && "whisper".equals(p.getString("event"))
        && "Anna".equals(p.getJsonObject("whisper").getString("agentName"))));
    assertEquals(WHISPER_BACK, back.getJsonObject("whisper").getString("text"));
    assertEquals(2, act(anna, "agent.whispers", new JsonObject().put("conversationId", chat)).getJsonArray("whispers").size());

    // Take over: the chat is Sina's, Anna is told, Eva sees the new name, the audit says so.
    JsonObject taken = act(sina, "agent.takeOver", new JsonObject().put("conversationId", chat)).getJsonObject("conversation");
    assertEquals("Sina", taken.getString("agentName"));
    JsonObject told = await(anna.bus().push("transferred"));
    assertEquals("takenOver", told.getString("reason"));
    assertEquals("Sina", await(evaBus.push(p -> "assigned".equals(p.getString("type"))
        && "Sina".equals(p.getJsonObject("conversation").getString("agentName")))).getJsonObject("conversation").getString("agentName"));
    JsonObject step = RoutingAuditTest.routingOnceThere(node, chat, admin.token(), 2).getJsonObject(1);
    assertEquals("take-over", step.getString("rule"));
    assertEquals("Anna", step.getString("fromAgentName"));

    // Agents read the whispers beside the chat and in its JSON transcript.
    assertTrue(get("/api/v1/conversations/" + chat, admin.token()).contains(WHISPER));
    assertTrue(get("/api/v1/conversations/" + chat + "/transcript?format=json", admin.token()).contains(WHISPER));

    // The visitor: no push, no history, no transcript in any format; exports neither.
    JsonObject history = await(evaBus.request("visitor.history", eva.token(), new JsonObject()));
    JsonObject ack = await(evaBus.request("visitor.send", eva.token(), new JsonObject().put("conversationId", chat)
        .put("text", "Danke").put("clientMsgId", "e-3")));
    JsonObject again = await(evaBus.request("visitor.requestChat", eva.token(), new JsonObject()));
    String seenByVisitor = evaBus.pendingPushes() + history.encode() + ack.encode() + again.encode();
    assertTrue(seenByVisitor.contains("Bestellt am Montag"), "the visitor's view holds the chat");
    assertFalse(seenByVisitor.contains(WHISPER) || seenByVisitor.contains(WHISPER_BACK), seenByVisitor);
    for (String format : new String[] {"json", "csv", "txt", "html"}) {
      String transcript = get("/api/v1/conversations/" + chat + "/transcript?format=" + format, eva.token());
      assertTrue(transcript.contains("Wo bleibt mein Paket?"), format);
      assertFalse(transcript.contains(WHISPER) || transcript.contains(WHISPER_BACK), format + ": " + transcript);
    }
    String range = "from=" + Instant.now().minusSeconds(3600) + "&to=" + Instant.now().plusSeconds(60);
    for (String format : new String[] {"ndjson", "csv"}) {
      String export = get("/api/v1/exports/messages?format=" + format + "&" + range, admin.token());
      assertTrue(export.contains("Wo bleibt mein Paket?"), format);
      assertFalse(export.contains(WHISPER), format);
    }
  }

  @Test
  void aPlainAgentCannotWatchOrTakeOverOrWhisperInAColleaguesChat() {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    OnlineAgent ben = node.onlineAgent("Ben", 3);
    Person eva = node.newVisitor();
    String chat = await(node.bridge().request("visitor.requestChat", eva.token(), new JsonObject()))
        .getJsonObject("conversation").getString("id");
    OnlineAgent holder = act(anna, "agent.conversations", new JsonObject()).getJsonArray("active").isEmpty() ? ben : anna;
    OnlineAgent other = holder == anna ? ben : anna;

    assertEquals("forbidden", assertThrows(BridgeError.class, () -> act(other, "agent.monitor", new JsonObject())).code());
    assertEquals("forbidden", assertThrows(BridgeError.class,
        () -> act(other, "agent.takeOver", new JsonObject().put("conversationId", chat))).code());
    assertEquals("not_your_chat", assertThrows(BridgeError.class, () -> act(other, "agent.whisper",
        new JsonObject().put("conversationId", chat).put("text", "psst").put("clientMsgId", "w-1"))).code());
    assertEquals("not_your_chat", assertThrows(BridgeError.class,
        () -> act(other, "agent.whispers", new JsonObject().put("conversationId", chat))).code());
    // Nothing changed: the chat is still with its agent.
    assertEquals(holder.person().id(), RoutingAuditTest.conversation(node, chat, admin.token()).bodyAsJsonObject()
        .getJsonObject("conversation").getString("agentId"));
  }
}
