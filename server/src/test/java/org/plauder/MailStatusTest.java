package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plauder.BridgeClient.BridgeError;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * The work status of e-mail conversations against the real server and a real mail server
 * (GreenMail): pending and snoozed conversations give their agent's chat slot back, the
 * customer's reply and a snooze's end (also across a restart) open them again, and resolving ends them.
 */
class MailStatusTest extends MailNodeTest {


  @Test
  void aPendingConversationGivesItsSlotToTheQueueAndTheCustomersReplyWaitsForRoomAgain() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    String email = emailConversation(anna, "Rücksendung", "Wie schicke ich die Schuhe zurück?");
    String chat = requestChat("Hallo aus dem Chat");
    assertEquals(1, load(anna), "Anna is full: the chat waits");

    MimeMessage answer = agentAnswers(anna, email, "Welche Bestellnummer haben Sie?");
    JsonObject pending = setStatus(anna, email, "pending", null);
    assertEquals("pending", pending.getString("status"));
    assertEquals("pending", pending.getString("workStatus"));
    JsonObject assigned = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertEquals(chat, assigned.getString("id"), "the slot the e-mail gave back went to the waiting chat");
    assertEquals(1, load(anna));
    assertEquals(email, parked(anna).getJsonObject(0).getString("id"));

    mail.customerWrites("Re: Rücksendung", "Die Nummer ist 4711.", answer);
    JsonObject woken = await(anna.bus().push(p -> "workStatus".equals(p.getString("type"))
        && "customerWrote".equals(p.getString("reason"))));
    assertEquals(email, woken.getJsonObject("conversation").getString("id"));
    assertEquals("queued", woken.getJsonObject("conversation").getString("status"), "Anna has no room: it waits in the queue");
    assertEquals("open", woken.getJsonObject("conversation").getString("workStatus"));
    assertEquals(1, load(anna), "never over her limit");

    await(anna.bus().request("agent.close", anna.person().token(), new JsonObject().put("conversationId", chat)));
    JsonObject back = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertEquals(email, back.getString("id"), "the woken conversation takes the slot the chat gave back");
    assertEquals(1, load(anna));
    assertEquals("Die Nummer ist 4711.", lastText(anna, email));
  }

  @Test
  void theCustomersReplyOpensAPendingConversationWithItsAgentWhenItHasRoom() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String email = emailConversation(anna, "Rechnung", "Bitte senden Sie mir die Rechnung.");
    MimeMessage answer = agentAnswers(anna, email, "Für welche Bestellung?");
    setStatus(anna, email, "pending", null);
    assertEquals(0, load(anna), "a pending conversation holds no slot");
    BridgeError cannotWrite = assertThrows(BridgeError.class, () -> await(anna.bus().request("agent.send", anna.person().token(),
        new JsonObject().put("conversationId", email).put("text", "Noch da?").put("clientMsgId", "x-1"))));
    assertEquals("not_your_chat", cannotWrite.code(), "open it again to write");

    mail.customerWrites("Re: Rechnung", "Für 4711.", answer);
    JsonObject woken = await(anna.bus().push(p -> "workStatus".equals(p.getString("type"))
        && "customerWrote".equals(p.getString("reason")))).getJsonObject("conversation");
    assertEquals("active", woken.getString("status"));
    assertEquals(anna.person().id(), woken.getString("agentId"));
    assertEquals(1, load(anna));
    assertTrue(parked(anna).isEmpty());
  }

  @Test
  void aSnoozedConversationComesBackOpenWhenItsTimeHasComeAlsoAfterARestart(Vertx vertx) throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String email = emailConversation(anna, "Lieferung", "Wann kommt mein Paket?");
    Instant until = Instant.now().plusSeconds(6);
    JsonObject snoozed = setStatus(anna, email, "snoozed", until.toString());
    assertEquals("snoozed", snoozed.getString("status"));
    assertEquals(until.toEpochMilli(), Instant.parse(snoozed.getString("snoozedUntil")).toEpochMilli());
    assertEquals(0, load(anna));
    assertEquals(snoozed.getString("snoozedUntil"), parked(anna).getJsonObject(0).getString("snoozedUntil"));
    anna.bus().close();

    node.close();
    node = null;
    node = TestNode.start(vertx, TestNode.config(dataDir, null));
    Person annaAgain = new Person(anna.person().id(), anna.person().token());
    BridgeClient bus = node.bridge();
    bus.register("agent." + annaAgain.id(), annaAgain.token());
    await(bus.request("agent.status", annaAgain.token(), new JsonObject().put("status", "online")));
    // The stored snooze ends on the new node: its agent has room again, or else the queue gives it to her.
    JsonObject back = await(bus.push(p -> email.equals(conversationOf(p).getString("id"))
        && "active".equals(conversationOf(p).getString("status")))).getJsonObject("conversation");
    assertEquals(annaAgain.id(), back.getString("agentId"));
    JsonObject desk = await(bus.request("agent.conversations", annaAgain.token(), new JsonObject()));
    assertEquals(1, desk.getJsonObject("agent").getInteger("load"));
    bus.close();
  }

  @Test
  void resolvingEndsTheConversationAndBadRequestsGetClearErrorsAndChangeNothing() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String email = emailConversation(anna, "Gutschein", "Gilt der Gutschein noch?");
    String chat = requestChat("Eine Chat-Frage");
    await(anna.bus().push("assigned"));
    OnlineAgent ben = node.onlineAgent("Ben", 2);

    assertEquals("not_email", refused(anna, chat, "pending", null), "a chat is closed, not parked");
    assertEquals("invalid_input", refused(anna, email, "later", null));
    assertEquals("invalid_input", refused(anna, email, "snoozed", "morgen"));
    assertEquals("invalid_input", refused(anna, email, "snoozed", Instant.now().minusSeconds(60).toString()));
    assertEquals("not_your_chat", refused(ben, email, "pending", null));
    assertEquals(2, load(anna), "nothing changed");

    setStatus(anna, email, "pending", null);
    JsonObject resolved = setStatus(anna, email, "resolved", null);
    assertEquals("closed", resolved.getString("status"));
    assertEquals("resolved", resolved.getString("workStatus"));
    assertEquals(email, await(anna.bus().push("closed")).getString("conversationId"));
    assertEquals("conversation_closed", refused(anna, email, "open", null));
    assertTrue(parked(anna).isEmpty());
    assertEquals(1, load(anna));
  }

  @Test
  void aNewMailOfTheSameCustomerAfterResolvingOpensANewConversationAndLeavesTheOldOneAsItWas() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String first = emailConversation(anna, "Lieferzeit", "Wie lange dauert die Lieferung?");
    agentAnswers(anna, first, "Zwei bis drei Tage.");
    setStatus(anna, first, "resolved", null);
    int before = messages(anna, first).size();

    mail.customerWrites("Neue Frage", "Gibt es die Jacke auch in Blau?", null); // not a reply: no thread headers
    JsonObject second = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertTrue(!first.equals(second.getString("id")), "a new conversation, not the resolved one");
    assertEquals(TestMailServer.CUSTOMER, second.getString("visitorEmail"), "of the same customer");
    assertEquals("email", second.getString("channel"));
    assertNull(second.getString("follows"), "not a reply: it follows up nothing");
    assertTrue(lastText(anna, second.getString("id")).contains("Gibt es die Jacke auch in Blau?"));
    assertEquals(before, messages(anna, first).size(), "the resolved conversation got nothing");
  }

  @Test
  void aReplyToAResolvedConversationOpensANewOneOfTheSameCustomerLinkedToIt() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String first = emailConversation(anna, "Lieferzeit", "Wie lange dauert die Lieferung?");
    MimeMessage answer = agentAnswers(anna, first, "Zwei bis drei Tage.");
    setStatus(anna, first, "resolved", null);
    int before = messages(anna, first).size();

    mail.customerWrites("Re: Lieferzeit", "Und nach Österreich?", answer);
    JsonObject second = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertNotEquals(first, second.getString("id"), "a new conversation, not the resolved one");
    assertEquals(first, second.getString("follows"), "linked to the resolved conversation it replies to");
    JsonObject resolved = await(node.http.get("/api/v1/conversations/" + first).bearerTokenAuthentication(anna.person().token()).send())
        .bodyAsJsonObject().getJsonObject("conversation");
    assertEquals(resolved.getString("visitorId"), second.getString("visitorId"), "of the same customer");
    assertTrue(lastText(anna, second.getString("id")).contains("Und nach Österreich?"));
    assertEquals(before, messages(anna, first).size(), "the resolved conversation got nothing");
  }

  @Test
  void theSupervisorsMonitorListsParkedConversationsWithTheirStatusAndHearsTheChange() throws Exception {
    OnlineAgent sina = node.onlineAgent("Sina", 2, "supervisor");
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String email = emailConversation(anna, "Umtausch", "Kann ich die Jacke umtauschen?");
    assertEquals("active", monitored(sina, email).getString("status"));

    setStatus(anna, email, "pending", null);
    JsonObject heard = await(sina.bus().push(p -> "monitor".equals(p.getString("type")) && "workStatus".equals(p.getString("event"))));
    assertEquals(email, heard.getString("conversationId"));
    assertEquals("pending", heard.getJsonObject("conversation").getString("workStatus"));
    JsonObject listed = monitored(sina, email);
    assertEquals("pending", listed.getString("status"), "a parked conversation stays on the monitor");
    assertEquals("pending", listed.getString("workStatus"));
    assertEquals("Anna", listed.getString("agentName"));

    Instant until = Instant.now().plusSeconds(3600);
    setStatus(anna, email, "snoozed", until.toString());
    JsonObject snoozed = monitored(sina, email);
    assertEquals("snoozed", snoozed.getString("workStatus"));
    assertEquals(until.toEpochMilli(), Instant.parse(snoozed.getString("snoozedUntil")).toEpochMilli());
    sina.bus().close();
  }

  /** The conversation as the supervisor's monitor lists it (failing when it is not listed). */
  private static JsonObject monitored(OnlineAgent supervisor, String conversationId) {
    JsonArray listed = await(supervisor.bus().request("agent.monitor", supervisor.person().token(), new JsonObject()))
        .getJsonArray("conversations");
    return listed.stream().map(JsonObject.class::cast).filter(c -> conversationId.equals(c.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError(conversationId + " is not on the monitor: " + listed));
  }

  private static JsonObject conversationOf(JsonObject push) {
    JsonObject c = push.getJsonObject("conversation");
    return c == null ? new JsonObject() : c;
  }

  private String requestChat(String text) {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    return await(bus.request("visitor.requestChat", visitor.token(), new JsonObject().put("name", "Kim").put("text", text)
        .put("clientMsgId", "c-" + text.hashCode()))).getJsonObject("conversation").getString("id");
  }

  private static JsonObject setStatus(OnlineAgent agent, String conversationId, String status, String until) {
    JsonObject body = new JsonObject().put("conversationId", conversationId).put("status", status);
    if (until != null) {
      body.put("until", until);
    }
    return await(agent.bus().request("agent.workStatus", agent.person().token(), body)).getJsonObject("conversation");
  }

  private static String refused(OnlineAgent agent, String conversationId, String status, String until) {
    return assertThrows(BridgeError.class, () -> setStatus(agent, conversationId, status, until)).code();
  }

  private static JsonArray parked(OnlineAgent agent) {
    return await(agent.bus().request("agent.parked", agent.person().token(), new JsonObject())).getJsonArray("conversations");
  }

  private static int load(OnlineAgent agent) {
    return await(agent.bus().request("agent.conversations", agent.person().token(), new JsonObject())).getJsonObject("agent")
        .getInteger("load");
  }

  private String lastText(OnlineAgent agent, String conversationId) {
    JsonArray messages = messages(agent, conversationId);
    return messages.getJsonObject(messages.size() - 1).getString("text");
  }
}
