package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.BridgeClient.BridgeError;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * The FAQ bot in mode "first", over the bridge: a question the articles answer is held and
 * answered by the bot, and the visitor either settles it or hands over to a person, who sees the
 * bot's exchange; anything else goes straight to a person.
 */
@ExtendWith(VertxExtension.class)
class FirstAnswerTest {

  @TempDir
  Path dataDir;

  /** A visitor on its own bridge connection, registered on its inbox. */
  private record Guest(Person person, BridgeClient bus) {
    JsonObject ask(String text) {
      return await(bus.request("visitor.requestChat", person.token(), new JsonObject().put("text", text).put("clientMsgId", "q-1")));
    }

    JsonObject act(String address, String conversationId) {
      return await(bus.request(address, person.token(), new JsonObject().put("conversationId", conversationId)));
    }
  }

  private static Guest guest(TestNode node) {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    bus.register("visitor." + visitor.id(), visitor.token());
    return new Guest(visitor, bus);
  }

  private static void botFirst(TestNode node) {
    String admin = node.loginAdmin().token();
    assertEquals(200, await(node.http.put("/api/v1/bot").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("mode", "first"))).statusCode());
  }

  /** Asks a question the bot answers first: the chat is held and the bot's answer arrives; its id. */
  private static String heldChat(Guest guest, String question) {
    JsonObject state = guest.ask(question);
    assertEquals(true, state.getBoolean("held"), state.encode());
    botAnswer(guest);
    return state.getJsonObject("conversation").getString("id");
  }

  private static JsonObject botAnswer(Guest guest) {
    return await(guest.bus().push(p -> "message".equals(p.getString("type"))
        && "bot".equals(p.getJsonObject("message").getString("sender")))).getJsonObject("message");
  }

  private static List<String> senders(JsonArray messages) {
    return messages.stream().map(m -> ((JsonObject) m).getString("sender")).toList();
  }

  /** The site's figures of today's report. */
  private static JsonObject siteReport(TestNode node) {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    return await(node.http.get("/api/v1/reports?from=" + today + "&to=" + tomorrow)
        .bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject().getJsonObject("site");
  }

  private static JsonObject queueOf(OnlineAgent agent) {
    return await(agent.bus().request("agent.conversations", agent.person().token(), new JsonObject()));
  }

  @Test
  void aQuestionTheArticlesAnswerIsHeldAnsweredByTheBotAndEndsSelfServed(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      botFirst(node);
      OnlineAgent agent = node.onlineAgent("Anna", 2);
      Guest eva = guest(node);
      JsonObject state = eva.ask("Wie lange dauert der Versand?");
      assertEquals("queued", state.getString("status"));
      assertEquals(true, state.getBoolean("held"), state.encode());
      String chat = state.getJsonObject("conversation").getString("id");

      JsonObject answer = botAnswer(eva);
      assertEquals("Hilfe-Bot", answer.getString("senderName"));
      assertTrue(answer.getString("text").contains("Versand und Lieferzeiten: http://localhost:0/help/demo/"), answer.getString("text"));
      JsonObject desk = queueOf(agent);
      assertEquals(0, desk.getJsonArray("queue").size(), "the agent does not see a held chat: " + desk.encode());
      assertEquals(0, desk.getJsonArray("active").size());
      assertEquals(true, await(eva.bus().request("visitor.history", eva.person().token(), new JsonObject())).getBoolean("held"),
          "a page change finds the chat still held");

      JsonObject settled = eva.act("visitor.botResolved", chat);
      assertEquals("closed", settled.getJsonObject("conversation").getString("status"));
      assertEquals("closed", await(eva.bus().push("closed")).getString("type"));
      BridgeError again = org.junit.jupiter.api.Assertions.assertThrows(BridgeError.class,
          () -> eva.act("visitor.botResolved", chat));
      assertEquals("conversation_closed", again.code());

      JsonObject report = siteReport(node);
      assertEquals(1, report.getInteger("botAnswered"));
      assertEquals(1, report.getInteger("selfServed"), report.encode());
      assertEquals(0, report.getInteger("handedOver"));
      assertEquals(0, report.getInteger("missed"), "a self-served chat is not a missed one");
      JsonObject article = report.getJsonArray("botArticles").getJsonObject(0);
      assertEquals("Versand und Lieferzeiten", article.getString("title"));
      assertEquals(1, article.getInteger("accepted"));
      eva.bus().close();
      agent.bus().close();
    }
  }

  @Test
  void talkToAPersonQueuesTheChatAndTheAgentGetsItWithTheBotsExchangeFirst(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      botFirst(node);
      OnlineAgent agent = node.onlineAgent("Anna", 2);
      Guest eva = guest(node);
      String chat = heldChat(eva, "Kann ich mit PayPal zahlen?");

      JsonObject state = eva.act("visitor.talkToPerson", chat);
      assertEquals("active", state.getString("status"), state.encode());
      assertFalse(state.containsKey("held"));
      JsonObject assigned = await(agent.bus().push(p -> "assigned".equals(p.getString("type"))));
      assertEquals(chat, assigned.getJsonObject("conversation").getString("id"));
      JsonObject history = await(agent.bus().request("agent.history", agent.person().token(),
          new JsonObject().put("conversationId", chat)));
      assertEquals(List.of("visitor", "bot"), senders(history.getJsonArray("messages")), "the agent sees the bot's exchange first");

      assertEquals("active", eva.act("visitor.talkToPerson", chat).getString("status"), "asked twice: the same answer");
      BridgeError settled = org.junit.jupiter.api.Assertions.assertThrows(BridgeError.class,
          () -> eva.act("visitor.botResolved", chat));
      assertEquals(409, settled.failureCode);
      assertEquals("not_held", settled.code());
      JsonObject report = siteReport(node);
      assertEquals(1, report.getInteger("handedOver"), report.encode());
      assertEquals(0, report.getInteger("selfServed"));
      assertEquals(0, report.getJsonArray("botArticles").getJsonObject(0).getInteger("accepted"));

      // The bot's message is the bot's in every export.
      String token = agent.person().token();
      String base = "/api/v1/conversations/" + chat + "/transcript?format=";
      assertEquals(List.of("visitor", "bot"), senders(await(node.http.get(base + "json").bearerTokenAuthentication(token).send())
          .bodyAsJsonObject().getJsonArray("messages")));
      String csv = await(node.http.get(base + "csv").bearerTokenAuthentication(token).send()).bodyAsString();
      assertTrue(csv.contains("," + 2 + ",") && csv.contains(",bot,Hilfe-Bot,"), csv);
      String text = await(node.http.get(base + "txt").bearerTokenAuthentication(token).send()).bodyAsString();
      assertTrue(text.contains("] Hilfe-Bot: Das beantwortet vielleicht Ihre Frage:"), text);
      String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
      String bulk = await(node.http.get("/api/v1/exports/messages?format=ndjson&from=" + today + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))
          .bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsString();
      assertTrue(bulk.lines().anyMatch(l -> "bot".equals(new JsonObject(l).getString("sender"))), bulk);
      eva.bus().close();
      agent.bus().close();
    }
  }

  @Test
  void typingForAPersonOrWritingOnHandsOverAndUnsureQuestionsGoStraightToAPerson(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      botFirst(node);
      OnlineAgent agent = node.onlineAgent("Anna", 5);
      Guest kim = guest(node);
      JsonObject asksForPerson = kim.ask("Ich möchte mit einem Mitarbeiter über den Versand sprechen");
      assertEquals("active", asksForPerson.getString("status"), "asking for a person is never held: " + asksForPerson.encode());
      assertNull(asksForPerson.getValue("held"));

      Guest tom = guest(node);
      assertEquals("active", tom.ask("Hallo, ist jemand da?").getString("status"), "no sure answer: straight to a person");

      Guest ida = guest(node);
      String chat = heldChat(ida, "Wie lange dauert der Versand?");
      await(ida.bus().request("visitor.send", ida.person().token(), new JsonObject().put("conversationId", chat)
          .put("text", "agent").put("clientMsgId", "q-2")));
      JsonObject assigned = await(ida.bus().push("assigned"));
      assertEquals(chat, assigned.getJsonObject("conversation").getString("id"));
      JsonObject history = await(agent.bus().request("agent.history", agent.person().token(),
          new JsonObject().put("conversationId", chat)));
      assertEquals(List.of("visitor", "bot", "visitor"), senders(history.getJsonArray("messages")));
      for (Guest g : List.of(kim, tom, ida)) {
        g.bus().close();
      }
      agent.bus().close();
    }
  }

  @Test
  void aVisitorWhoLeavesWithoutAnsweringTheBotLeavesNoOpenChatBehind(Vertx vertx) throws Exception {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      botFirst(node);
      OnlineAgent agent = node.onlineAgent("Anna", 2);
      Guest eva = guest(node);
      String chat = heldChat(eva, "Wie lange dauert der Versand?");
      eva.bus().close();
      await(agent.bus().push(p -> "visitorLeft".equals(p.getString("type")) && eva.person().id().equals(p.getString("visitorId"))));
      String status = null;
      for (int i = 0; i < 100 && !"closed".equals(status); i++) {
        Thread.sleep(100);
        status = await(node.http.get("/api/v1/conversations/" + chat).bearerTokenAuthentication(agent.person().token()).send())
            .bodyAsJsonObject().getJsonObject("conversation").getString("status");
      }
      assertEquals("closed", status, "the held chat was closed when its visitor left");
      JsonObject report = siteReport(node);
      assertEquals(1, report.getInteger("botAnswered"));
      assertEquals(0, report.getInteger("selfServed") + report.getInteger("handedOver"), "counted neither way");
      agent.bus().close();
    }
  }
}
