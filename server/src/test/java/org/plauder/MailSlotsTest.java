package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plauder.BridgeClient.BridgeError;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;
import org.plauder.store.Publishers;

/**
 * A site's own limit for e-mails (maxEmails) against the real server and a real mail server
 * (GreenMail): an agent whose chat slots are full still gets e-mails, never more than the limit,
 * and without the setting an e-mail takes a chat slot as before.
 */
class MailSlotsTest extends MailNodeTest {

  @Test
  void withTheirOwnLimitAFullAgentStillGetsEmailsButNeverMoreThanTheLimit() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    assertEquals(200, patchSite(new JsonObject().put("maxEmails", 2)).statusCode());
    String chat = requestChat("Hallo aus dem Chat");
    assertEquals(chat, await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id"));

    mail.connect(node);
    for (int i = 1; i <= 5; i++) { // five customers at once: the claims race, the limit holds
      MimeMessage m = mail.draft("kunde" + i + "@kunde.test", "Kunde " + i, "Frage " + i);
      m.setText("Frage Nummer " + i, "UTF-8");
      Transport.send(m);
    }
    assertTrue(waitUntil(() -> settled(desk(anna), 3)), "all five in, three wait: " + desk(anna));
    JsonObject desk = desk(anna);
    assertEquals(1, desk.getJsonObject("agent").getInteger("load"), "the chat slot is the chat's");
    assertEquals(2, desk.getJsonObject("agent").getInteger("emailLoad"), "two e-mails, the limit");
    Set<String> emails = emailsOf(desk.getJsonArray("active"));
    assertEquals(2, emails.size(), "Anna holds her chat and two e-mails: " + desk.getJsonArray("active"));

    String resolved = emails.iterator().next();
    await(anna.bus().request("agent.workStatus", anna.person().token(),
        new JsonObject().put("conversationId", resolved).put("status", "resolved")));
    assertTrue(waitUntil(() -> settled(desk(anna), 2)), "the freed e-mail slot takes the next e-mail: " + desk(anna));
    JsonObject after = desk(anna);
    assertEquals(2, after.getJsonObject("agent").getInteger("emailLoad"));
    assertEquals(1, after.getJsonObject("agent").getInteger("load"));
    assertEquals(2, emailsOf(after.getJsonArray("active")).size());
  }

  @Test
  void withoutTheSettingAnEmailTakesAChatSlotAndBadValuesAreRefused() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    for (Object bad : new Object[] {0, 51, "3", 2.5}) {
      HttpResponse<Buffer> refused = patchSite(new JsonObject().put("maxEmails", bad));
      assertEquals(400, refused.statusCode(), "maxEmails " + bad);
      assertTrue(refused.bodyAsJsonObject().getJsonObject("error").getString("message").contains("maxEmails"));
    }
    assertNull(site().getValue("maxEmails"), "nothing changed: e-mails take chat slots");

    String email = emailConversation(anna, "Rechnung", "Bitte senden Sie mir die Rechnung.");
    JsonObject desk = desk(anna);
    assertEquals(1, desk.getJsonObject("agent").getInteger("load"), "the e-mail took Anna's chat slot");
    assertEquals(0, desk.getJsonObject("agent").getInteger("emailLoad"));
    String chat = requestChat("Eine Chat-Frage");
    assertTrue(waitUntil(() -> desk(anna).getJsonArray("queue").size() == 1), "the chat waits: Anna is full");

    // Stored, and switched off again with null; the e-mail's end then frees the chat slot for the chat.
    assertEquals(2, patchSite(new JsonObject().put("maxEmails", 2)).bodyAsJsonObject().getInteger("maxEmails"));
    assertEquals(2, site().getInteger("maxEmails"));
    assertEquals(200, patchSite(new JsonObject().putNull("maxEmails")).statusCode());
    await(anna.bus().request("agent.workStatus", anna.person().token(),
        new JsonObject().put("conversationId", email).put("status", "resolved")));
    assertEquals(chat, await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id"));
    assertEquals(1, desk(anna).getJsonObject("agent").getInteger("load"));
  }

  @Test
  void anEmailInItsOwnSlotGivesThatSlotBackAfterTheAdminSwitchedTheSlotsOff() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    assertEquals(200, patchSite(new JsonObject().put("maxEmails", 1)).statusCode());
    mail.connect(node);
    String first = assignedEmail(anna, "kunde1@kunde.test");
    assertEquals("load 0, emailLoad 1", counters(anna));

    assertEquals(200, patchSite(new JsonObject().putNull("maxEmails")).statusCode());
    resolve(anna, first);
    assertEquals("load 0, emailLoad 0", counters(anna), "her e-mail slot is free again, her chat slot untouched");

    // She gets the next chat in her chat slot, and with e-mail slots back on the next e-mail in hers: she does not look full.
    String chat = requestChat("Hallo aus dem Chat");
    assertEquals(chat, await(anna.bus().push(p -> "assigned".equals(p.getString("type"))
        && chat.equals(p.getJsonObject("conversation").getString("id")))).getJsonObject("conversation").getString("id"));
    assertEquals(200, patchSite(new JsonObject().put("maxEmails", 1)).statusCode());
    assignedEmail(anna, "kunde2@kunde.test");
    assertEquals("load 1, emailLoad 1", counters(anna));
  }

  @Test
  void anEmailInAChatSlotGivesTheChatSlotBackAfterTheAdminSwitchedTheSlotsOn() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    mail.connect(node);
    String first = assignedEmail(anna, "kunde1@kunde.test");
    assertEquals("load 1, emailLoad 0", counters(anna), "without the setting the e-mail took her chat slot");

    assertEquals(200, patchSite(new JsonObject().put("maxEmails", 1)).statusCode());
    String second = assignedEmail(anna, "kunde2@kunde.test");
    assertEquals("load 1, emailLoad 1", counters(anna), "the second e-mail in her one e-mail slot");
    resolve(anna, first);
    assertEquals("load 0, emailLoad 1", counters(anna), "the first gave back the chat slot it took, the second keeps its slot");

    // A third e-mail, then a chat: the chat gets Anna's free chat slot; the e-mail that came first still waits,
    // as routing passed it over for want of an e-mail slot (she is never over her limit of one).
    sendMail("kunde3@kunde.test");
    assertTrue(waitUntil(() -> desk(anna).getJsonArray("queue").size() == 1), "the third e-mail arrived: " + desk(anna));
    String chat = requestChat("Hallo aus dem Chat");
    assertEquals(chat, await(anna.bus().push(p -> "assigned".equals(p.getString("type"))
        && chat.equals(p.getJsonObject("conversation").getString("id")))).getJsonObject("conversation").getString("id"));
    JsonObject desk = desk(anna);
    assertEquals(Set.of(second), emailsOf(desk.getJsonArray("active")));
    assertEquals(1, desk.getJsonArray("queue").size(), "the third e-mail waits for an e-mail slot");
    assertEquals("load 1, emailLoad 1", counters(anna));
  }

  @Test
  void anEmailSlotNothingHoldsIsGivenBackAndTheWaitingEmailGetsTheAgent() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    assertEquals(200, patchSite(new JsonObject().put("maxEmails", 1)).statusCode());
    // What a node that died between taking Anna's e-mail slot and handing the e-mail over leaves behind.
    org.plauder.store.Reactive.done(node.server.services().database().agents().updateOne(
        com.mongodb.client.model.Filters.eq("_id", anna.person().id()), com.mongodb.client.model.Updates.inc("emailLoad", 1)))
        .await(20, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("load 0, emailLoad 1", counters(anna), "Anna looks as if she held an e-mail");

    mail.connect(node);
    sendMail("kunde1@kunde.test");
    // The slot audit gives the lost slot back (two looks a second apart) and the waiting e-mail gets Anna.
    String email = await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id");
    assertEquals("load 0, emailLoad 1", counters(anna), "the one e-mail she really holds");
    assertEquals(email, emailsOf(desk(anna).getJsonArray("active")).iterator().next());
  }

  @Test
  void anAgentWithHerEmailSlotsFullIsToldSoWhenSheTakesOrReopensAnEmailAndNothingChanges() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    assertEquals(200, patchSite(new JsonObject().put("maxEmails", 1)).statusCode());
    mail.connect(node);
    String parkedEmail = assignedEmail(anna, "kunde1@kunde.test");
    setWorkStatus(anna, parkedEmail, "pending");
    String held = assignedEmail(anna, "kunde2@kunde.test");
    sendMail("kunde3@kunde.test");
    assertTrue(waitUntil(() -> desk(anna).getJsonArray("queue").size() == 1), "the third e-mail waits: " + desk(anna));
    String queued = desk(anna).getJsonArray("queue").getJsonObject(0).getString("id");
    assertEquals("load 0, emailLoad 1", counters(anna), "her chat slots are all free, her one e-mail slot is not");

    BridgeError reopen = assertThrows(BridgeError.class, () -> setWorkStatus(anna, parkedEmail, "open"));
    assertEquals("no_email_capacity", reopen.code(), reopen.getMessage());
    assertTrue(reopen.getMessage().contains("all 1 of your e-mail slots are in use"), reopen.getMessage());
    BridgeError take = assertThrows(BridgeError.class, () -> await(anna.bus().request("agent.take", anna.person().token(),
        new JsonObject().put("conversationId", queued))));
    assertEquals("no_email_capacity", take.code(), take.getMessage());

    JsonObject desk = desk(anna);
    assertEquals(Set.of(held), emailsOf(desk.getJsonArray("active")), "she still holds only the one e-mail");
    assertEquals(queued, desk.getJsonArray("queue").getJsonObject(0).getString("id"), "the third e-mail still waits");
    assertEquals("pending", parkedOf(anna).getJsonObject(0).getString("workStatus"), "the first is still pending");
    assertEquals("load 0, emailLoad 1", counters(anna));

    // Her e-mail slot freed, the same take goes through.
    setWorkStatus(anna, held, "pending");
    assertTrue(waitUntil(() -> emailsOf(desk(anna).getJsonArray("active")).size() == 1), "the waiting e-mail gets her slot");
    assertEquals(Set.of(queued), emailsOf(desk(anna).getJsonArray("active")));
  }

  /** A customer writes a new mail; the id of the e-mail conversation {@code agent} is told it got. */
  private String assignedEmail(OnlineAgent agent, String from) throws Exception {
    sendMail(from);
    return await(agent.bus().push("assigned")).getJsonObject("conversation").getString("id");
  }

  private void sendMail(String from) throws Exception {
    MimeMessage m = mail.draft(from, "Kunde", "Frage von " + from);
    m.setText("Eine Frage per Mail", "UTF-8");
    Transport.send(m);
  }

  private static JsonObject setWorkStatus(OnlineAgent agent, String conversationId, String status) {
    return await(agent.bus().request("agent.workStatus", agent.person().token(),
        new JsonObject().put("conversationId", conversationId).put("status", status)));
  }

  private static JsonArray parkedOf(OnlineAgent agent) {
    return await(agent.bus().request("agent.parked", agent.person().token(), new JsonObject())).getJsonArray("conversations");
  }

  private static void resolve(OnlineAgent agent, String conversationId) {
    setWorkStatus(agent, conversationId, "resolved");
  }

  /** The agent's two counters as its dashboard reads them. */
  private static String counters(OnlineAgent agent) {
    JsonObject a = desk(agent).getJsonObject("agent");
    return "load " + a.getInteger("load") + ", emailLoad " + a.getInteger("emailLoad");
  }

  /** Routing is done: {@code waiting} e-mails in the queue and Anna at her limit of two (more would leave fewer waiting). */
  private static boolean settled(JsonObject desk, int waiting) {
    return desk.getJsonArray("queue").size() == waiting && desk.getJsonObject("agent").getInteger("emailLoad") == 2;
  }

  private static Set<String> emailsOf(JsonArray active) {
    Set<String> ids = new HashSet<>();
    active.forEach(o -> {
      JsonObject c = (JsonObject) o;
      if ("email".equals(c.getString("channel"))) {
        ids.add(c.getString("id"));
      }
    });
    return ids;
  }

  @Test
  void aChatSlotLostBesideHerEmailsIsGivenBackAndTheWaitingVisitorGetsTheAgent() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    assertEquals(200, patchSite(new JsonObject().put("maxEmails", 2)).statusCode());
    mail.connect(node);
    MimeMessage m = mail.draft("kunde@kunde.test", "Kunde", "Frage");
    m.setText("Eine Frage per Mail", "UTF-8");
    Transport.send(m);
    assertTrue(waitUntil(() -> desk(anna).getJsonObject("agent").getInteger("emailLoad") == 1), "Anna holds the e-mail");
    // What a node that died between taking Anna's chat slot and handing a chat over leaves behind.
    Publishers.first(node.server.services().database().agents().updateOne(Filters.eq("_id", anna.person().id()),
        Updates.combine(Updates.inc("load", 1), Updates.inc("freeSlots", -1)))).get(20, java.util.concurrent.TimeUnit.SECONDS);

    String chat = requestChat("Hallo aus dem Chat");
    // The audit counts the e-mail in her e-mail slot, not as the chat that holds her chat slot.
    assertEquals(chat, await(anna.bus().push(p -> "assigned".equals(p.getString("type"))
        && chat.equals(p.getJsonObject("conversation").getString("id")))).getJsonObject("conversation").getString("id"));
    JsonObject agent = desk(anna).getJsonObject("agent");
    assertEquals(1, agent.getInteger("load"), "the load counts exactly her chat");
    assertEquals(1, agent.getInteger("emailLoad"));
  }

  private HttpResponse<Buffer> patchSite(JsonObject body) {
    return await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).sendJsonObject(body));
  }

  private JsonObject site() {
    return await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
  }

  private static JsonObject desk(OnlineAgent agent) {
    return await(agent.bus().request("agent.conversations", agent.person().token(), new JsonObject()));
  }

  private String requestChat(String text) {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    return await(bus.request("visitor.requestChat", visitor.token(), new JsonObject().put("name", "Kim").put("text", text)
        .put("clientMsgId", "c-" + text.hashCode()))).getJsonObject("conversation").getString("id");
  }
}
