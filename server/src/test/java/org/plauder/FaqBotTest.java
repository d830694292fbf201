package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/** The FAQ bot answers a visitor waiting in a full queue from the help articles; the visitor keeps its place. */
@ExtendWith(VertxExtension.class)
class FaqBotTest {

  @TempDir
  Path dataDir;

  private static List<JsonObject> messages(BridgeClient bus, Person visitor) {
    JsonArray messages = await(bus.request("visitor.history", visitor.token(), new JsonObject())).getJsonArray("messages");
    return messages.stream().map(m -> (JsonObject) m).toList();
  }

  @Test
  void aVisitorFacingAFullQueueGetsTheBotsAnswerWhileKeepingItsPlace(Vertx vertx) throws Exception {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String admin = node.loginAdmin().token();
      HttpResponse<Buffer> on = await(node.http.put("/api/v1/bot").bearerTokenAuthentication(admin)
          .sendJsonObject(new JsonObject().put("mode", "whenNoAgentFree")));
      assertEquals(200, on.statusCode(), on.bodyAsString());
      assertEquals(3.0, on.bodyAsJsonObject().getDouble("minScore"));

      OnlineAgent agent = node.onlineAgent("Anna", 1);
      Person first = node.newVisitor();
      BridgeClient firstBus = node.bridge();
      firstBus.register("visitor." + first.id(), first.token());
      assertEquals("active", await(firstBus.request("visitor.requestChat", first.token(), new JsonObject())).getString("status"));

      Person waiting = node.newVisitor();
      BridgeClient bus = node.bridge();
      bus.register("visitor." + waiting.id(), waiting.token());
      JsonObject state = await(bus.request("visitor.requestChat", waiting.token(), new JsonObject()));
      assertEquals("queued", state.getString("status"));
      String chat = state.getJsonObject("conversation").getString("id");

      await(bus.request("visitor.send", waiting.token(), new JsonObject().put("conversationId", chat)
          .put("text", "Kann ich mit PayPal zahlen?").put("clientMsgId", "q-1")));
      JsonObject answer = await(bus.push(p -> "message".equals(p.getString("type"))
          && "bot".equals(p.getJsonObject("message").getString("sender")))).getJsonObject("message");
      assertEquals("Hilfe-Bot", answer.getString("senderName"));
      assertTrue(answer.getString("text").contains("Zahlungsarten: PayPal, Kreditkarte, Rechnung: http://localhost:0/help/demo/"),
          answer.getString("text"));
      assertTrue(answer.getString("text").contains("Platz in der Warteschlange"));
      assertTrue(!answer.getString("text").contains("Payment methods"), "one language per answer: " + answer.getString("text"));

      await(bus.request("visitor.send", waiting.token(), new JsonObject().put("conversationId", chat)
          .put("text", "Hallo, ist jemand da?").put("clientMsgId", "q-2")));
      Thread.sleep(500);
      assertEquals(List.of("visitor", "bot", "visitor"), messages(bus, waiting).stream().map(m -> m.getString("sender")).toList(),
          "no answer without a confident match, and no 'I did not understand'");
      assertEquals("queued", await(bus.request("visitor.history", waiting.token(), new JsonObject())).getString("status"),
          "the visitor still waits for a person, in its place");

      // The agent finishes the first chat and gets the waiting one, with the bot's exchange in it.
      String firstChat = await(firstBus.request("visitor.history", first.token(), new JsonObject())).getJsonObject("conversation")
          .getString("id");
      await(agent.bus().request("agent.close", agent.person().token(), new JsonObject().put("conversationId", firstChat)));
      JsonObject assigned = await(agent.bus().push(p -> "assigned".equals(p.getString("type"))
          && chat.equals(p.getJsonObject("conversation").getString("id"))));
      assertEquals(chat, assigned.getJsonObject("conversation").getString("id"));
      HttpResponse<Buffer> transcript = await(node.http.get("/api/v1/conversations/" + chat + "/transcript?format=json")
          .bearerTokenAuthentication(agent.person().token()).send());
      assertEquals(List.of("visitor", "bot", "visitor"), transcript.bodyAsJsonObject().getJsonArray("messages").stream()
          .map(m -> ((JsonObject) m).getString("sender")).toList(), "the agent sees the bot's exchange in the transcript");
      firstBus.close();
      bus.close();
      agent.bus().close();
    }
  }

  @Test
  void theBotIsOffUntilAnAdminSwitchesItOnAndBadSettingsAreRefused(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String admin = node.loginAdmin().token();
      String agent = node.createAgent("Kim", 2).token();
      assertEquals("off", await(node.http.get("/api/v1/bot").bearerTokenAuthentication(agent).send()).bodyAsJsonObject().getString("mode"));
      assertEquals(403, await(node.http.put("/api/v1/bot").bearerTokenAuthentication(agent)
          .sendJsonObject(new JsonObject().put("mode", "whenNoAgentFree"))).statusCode());
      for (JsonObject bad : List.of(new JsonObject().put("mode", "always"),
          new JsonObject(), new JsonObject().put("mode", "off").put("minScore", -1),
          new JsonObject().put("mode", "off").put("minScore", "high"), new JsonObject().put("mode", "off").put("extra", 1))) {
        HttpResponse<Buffer> refused = await(node.http.put("/api/v1/bot").bearerTokenAuthentication(admin).sendJsonObject(bad));
        assertEquals(400, refused.statusCode(), bad.encode());
        assertEquals("invalid_input", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
      }
      assertEquals("off", await(node.http.get("/api/v1/bot").bearerTokenAuthentication(admin).send()).bodyAsJsonObject().getString("mode"),
          "nothing was changed");
      JsonObject tuned = await(node.http.put("/api/v1/bot").bearerTokenAuthentication(admin)
          .sendJsonObject(new JsonObject().put("mode", "whenNoAgentFree").put("minScore", 5.5))).bodyAsJsonObject();
      assertEquals(5.5, tuned.getDouble("minScore"));
      assertEquals(tuned, await(node.http.get("/api/v1/bot").bearerTokenAuthentication(agent).send()).bodyAsJsonObject());
    }
  }
}
