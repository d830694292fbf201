package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestMailServer.CUSTOMER;
import static org.plauder.TestMailServer.SUPPORT;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;
import org.plauder.store.MailThreads;

/**
 * The e-mail channel against a real mail server in-process (GreenMail, SMTP and IMAP): mail to
 * the support address becomes a conversation, the agent's answer goes out in the thread, and
 * the customer's reply comes back into the same conversation.
 */
class MailChannelTest extends MailNodeTest {

  @Test
  void aMailWaitingInTheMailboxBecomesAnEmailConversationOfAnOnlineAgentAndIsMarkedSeen() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String sent = mail.customerWrites("Paket fehlt", "Hallo,\nmein Paket ist nicht angekommen.\n\n-- \nEva Muster\nTel. 0123", null);
    assertEquals(1, unseenInSupportInbox(), "the mail waits in the mailbox while no one fetches it");

    mail.connect(node);
    JsonObject assigned = await(anna.bus().push("assigned"));
    JsonObject conversation = assigned.getJsonObject("conversation");
    assertEquals("email", conversation.getString("channel"));
    assertEquals(CUSTOMER, conversation.getString("visitorEmail"));
    assertEquals("Eva Muster", conversation.getString("visitorName"));
    JsonObject first = messages(anna, conversation.getString("id")).getJsonObject(0);
    assertEquals("Paket fehlt\n\nHallo,\nmein Paket ist nicht angekommen.", first.getString("text"), "subject above, signature trimmed");
    assertEquals("visitor", first.getString("sender"));

    String original = await(node.http.get("/api/v1/conversations/" + conversation.getString("id") + "/mails")
        .bearerTokenAuthentication(anna.person().token()).send()).bodyAsJsonObject().getJsonArray("mails").getJsonObject(0).getString("text");
    assertTrue(original.contains("Tel. 0123"), "the mail as it came is kept: " + original);
    assertTrue(waitUntil(() -> unseenInSupportInbox() == 0), "marked seen once its conversation is stored");
    assertTrue(sent.startsWith("<"));

    HttpResponse<Buffer> erased = await(node.http.delete("/api/v1/visitors/" + conversation.getString("visitorId"))
        .bearerTokenAuthentication(node.loginAdmin().token()).send());
    assertEquals(200, erased.statusCode(), erased.bodyAsString());
    assertTrue(await(new MailThreads(node.server.services().database()).originals(conversation.getString("id"))).isEmpty(),
        "erasing the customer erases the mails as they came");
  }

  @Test
  void withNobodyOnlineAMailWaitsInTheQueueForTheFirstAgentWhoComesOnline() throws Exception {
    Person ben = node.createAgent("Ben", 1);
    BridgeClient bus = node.bridge();
    bus.register("agent." + ben.id(), ben.token());
    mail.connect(node);
    mail.customerWrites("Rückruf", "Bitte rufen Sie mich an.", null);
    assertTrue(waitUntil(() -> unseenInSupportInbox() == 0), "stored, so marked seen");
    JsonArray queue = await(bus.request("agent.conversations", ben.token(), new JsonObject())).getJsonArray("queue");
    assertEquals(1, queue.size());
    assertEquals("email", queue.getJsonObject(0).getString("channel"));

    await(bus.request("agent.status", ben.token(), new JsonObject().put("status", "online")));
    assertEquals(CUSTOMER, await(bus.push("assigned")).getJsonObject("conversation").getString("visitorEmail"));
    bus.close();
  }

  @Test
  void aMailThatCannotBeTakenInStaysUnseenAndDoesNotHoldUpTheNext() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    MimeMessage noSender = mail.draft(CUSTOMER, null, "Ohne Absender");
    noSender.removeHeader("From");
    noSender.setText("Wer bin ich?");
    Transport.send(noSender);
    mail.connect(node);
    mail.customerWrites("Frage", "Wo ist mein Paket?", null);
    assertEquals(CUSTOMER, await(anna.bus().push("assigned")).getJsonObject("conversation").getString("visitorEmail"));
    assertTrue(waitUntil(() -> unseenInSupportInbox() == 1), "the mail without sender waits in the mailbox");
  }

  @Test
  void theAgentsAnswerArrivesInTheCustomersMailboxWithThreadingHeaders() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    mail.connect(node);
    String customerId = mail.customerWrites("Rechnung", "Bitte senden Sie mir die Rechnung.", null);
    String conversationId = await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id");

    MimeMessage answer = agentAnswers(anna, conversationId, "Die Rechnung kommt heute.");
    assertEquals("Re: Rechnung", answer.getSubject());
    assertEquals(SUPPORT, ((InternetAddress) answer.getFrom()[0]).getAddress());
    assertEquals("Demo shop", ((InternetAddress) answer.getFrom()[0]).getPersonal());
    assertEquals(customerId, answer.getHeader("In-Reply-To", null));
    assertTrue(answer.getHeader("References", null).contains(customerId));
    assertTrue(answer.getMessageID().matches("<plauder\\.[a-z2-7]{20}\\.2@shop\\.test>"), answer.getMessageID());
    assertTrue(GreenMailUtil.getBody(answer).contains("Die Rechnung kommt heute."));
  }

  @Test
  void theCustomersReplyLandsInTheSameConversationWithTheQuoteTrimmed() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    Answered answered = answeredMail(anna);

    mail.customerWrites("Re: Rechnung", "Danke, angekommen!\n\nAm 2. Dezember 2026 schrieb Demo shop <" + SUPPORT + ">:\n"
        + "> Die Rechnung kommt heute.", answered.answer());
    JsonObject reply = await(anna.bus().push(p -> "message".equals(p.getString("type"))
        && "visitor".equals(p.getJsonObject("message").getString("sender"))));
    assertEquals(answered.conversationId(), reply.getJsonObject("message").getString("conversationId"));
    assertEquals("Danke, angekommen!", reply.getJsonObject("message").getString("text"));
  }

  @Test
  void aReplyWhoseSubjectWasChangedStillThreadsAndTheSameSubjectAloneThreadsNothing() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    Answered answered = answeredMail(anna);

    mail.customerWrites("Ganz anderer Betreff", "Noch eine Frage zur Rechnung.", answered.answer());
    JsonObject reply = await(anna.bus().push(p -> "message".equals(p.getString("type"))
        && "visitor".equals(p.getJsonObject("message").getString("sender"))));
    assertEquals(answered.conversationId(), reply.getJsonObject("message").getString("conversationId"));
    assertEquals("Noch eine Frage zur Rechnung.", reply.getJsonObject("message").getString("text"));

    MimeMessage sameSubject = mail.draft("max@kunde.test", "Max", "Re: Rechnung");
    sameSubject.setText("Wo ist meine Rechnung?");
    Transport.send(sameSubject);
    JsonObject other = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertEquals("max@kunde.test", other.getString("visitorEmail"));
    assertFalse(answered.conversationId().equals(other.getString("id")), "a subject alone threads nothing");
  }

  @Test
  void aScriptInAnHtmlMailShowsInert() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    mail.connect(node);
    mail.customerWritesHtml("HTML", "<html><head><style>p{color:red}</style><script>alert('style')</script></head><body>"
        + "<p>Hallo <b>Welt</b> &amp; Co.</p><img src=x onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">Link</a>"
        + "<script>document.cookie</script></body></html>");

    String conversationId = await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id");
    String text = messages(anna, conversationId).getJsonObject(0).getString("text");
    assertEquals("HTML\n\nHallo Welt & Co.\nLink", text);
  }

  @Test
  void aLeftMessageAnsweredFromTheDashboardReachesTheVisitorsMailboxAndTheReplyComesBackLinkedToIt() throws Exception {
    BridgeClient bus = node.bridge();
    Person visitor = node.newVisitor();
    String left = await(bus.request("visitor.leaveMessage", visitor.token(), new JsonObject().put("name", "Eva Muster")
        .put("email", CUSTOMER).put("text", "Haben Sie Größe 42?").put("clientMsgId", "left-1"))).getString("conversationId");
    Person anna = node.createAgent("Anna", 2);
    JsonObject answer = new JsonObject().put("text", "Ja, Größe 42 ist da.").put("clientMsgId", "answer-1");

    HttpResponse<Buffer> refused = await(node.http.post("/api/v1/conversations/" + left + "/email-answer")
        .bearerTokenAuthentication(anna.token()).sendJsonObject(answer));
    assertEquals(409, refused.statusCode());
    assertEquals("email_unavailable", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));

    mail.connect(node);
    HttpResponse<Buffer> stored = await(node.http.post("/api/v1/conversations/" + left + "/email-answer")
        .bearerTokenAuthentication(anna.token()).sendJsonObject(answer));
    assertEquals(200, stored.statusCode(), stored.bodyAsString());
    assertTrue(mail.mail.waitForIncomingEmail(10_000, 1));
    MimeMessage received = mail.customerMails().get(0);
    assertTrue(received.getSubject().endsWith("Demo shop"), received.getSubject());
    assertTrue(GreenMailUtil.getBody(received).contains("42 ist da"));
    assertNull(received.getHeader("In-Reply-To", null), "the first mail of its thread");

    OnlineAgent ben = node.onlineAgent("Ben", 1);
    mail.customerWrites("Re: " + received.getSubject(), "Dann bestelle ich sie.\n\nAm 3. Dezember 2026 schrieb Demo shop <"
        + SUPPORT + ">:\n> Ja, Größe 42 ist da.", received);
    JsonObject reply = await(ben.bus().push("assigned")).getJsonObject("conversation");
    assertEquals("email", reply.getString("channel"));
    assertEquals(CUSTOMER, reply.getString("visitorEmail"));
    assertEquals("Dann bestelle ich sie.", lastLine(messages(ben, reply.getString("id")).getJsonObject(0)),
        "the reply to the answered left message opens an e-mail conversation, the quote trimmed");
    assertEquals(left, reply.getString("follows"), "it links to the left message it answers");

    JsonObject followed = followedUp(ben, reply.getString("visitorId")).getJsonObject(0);
    assertEquals(left, followed.getString("id"), "the visitor panel lists the left message");
    assertEquals("offline", followed.getString("status"));
    JsonArray question = messages(ben, left);
    assertEquals("Haben Sie Größe 42?", question.getJsonObject(0).getString("text"), "the agent reads what the customer replies to");
    assertEquals("Ja, Größe 42 ist da.", question.getJsonObject(question.size() - 1).getString("text"));
    assertEquals(left, await(bus.request("visitor.history", visitor.token(), new JsonObject())).getJsonObject("conversation")
        .getString("id"), "the widget's visitor, whose address was never proven, is not shown the mail");
    bus.close();
  }

  @Test
  void anEndedChatAnsweredByEmailComesBackLinkedToTheChatAndLeavesTheVisitorsNewChatAlone() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    mail.connect(node);
    BridgeClient bus = node.bridge();
    Person visitor = node.newVisitor();
    String chat = requestChat(bus, visitor, "Passt die Jacke in Größe M?", "c-1");
    assertEquals(chat, await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id"));
    await(bus.request("visitor.close", visitor.token(), new JsonObject().put("conversationId", chat)));

    HttpResponse<Buffer> stored = await(node.http.post("/api/v1/conversations/" + chat + "/email-answer")
        .bearerTokenAuthentication(anna.person().token())
        .sendJsonObject(new JsonObject().put("text", "Ich habe nachgemessen: M passt.").put("clientMsgId", "answer-1")));
    assertEquals(200, stored.statusCode(), stored.bodyAsString());
    assertTrue(mail.mail.waitForIncomingEmail(10_000, 1));
    MimeMessage answer = mail.customerMails().get(0);
    assertTrue(answer.getSubject().endsWith("Demo shop"), answer.getSubject());
    assertEquals("Demo shop", ((InternetAddress) answer.getFrom()[0]).getPersonal());
    assertTrue(answer.getMessageID().matches("<plauder\\.[a-z2-7]{20}\\.\\d+@shop\\.test>"), "carries the reply token: " + answer.getMessageID());
    assertTrue(GreenMailUtil.getBody(answer).contains("M passt."));

    // the visitor is back on the site and chatting when the reply comes
    String again = requestChat(bus, visitor, "Und gibt es sie auch in Blau?", "c-2");
    assertEquals(again, await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id"));
    mail.customerWrites("Re: " + answer.getSubject(), "Super, dann nehme ich M.\n\n> Ich habe nachgemessen: M passt.", answer);
    JsonObject reply = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertEquals("email", reply.getString("channel"));
    assertEquals(chat, reply.getString("follows"), "it links to the ended chat");
    assertEquals("Super, dann nehme ich M.", lastLine(messages(anna, reply.getString("id")).getJsonObject(0)));

    JsonObject followed = followedUp(anna, reply.getString("visitorId")).getJsonObject(0);
    assertEquals(chat, followed.getString("id"), "the visitor panel lists the chat");
    assertEquals("closed", followed.getString("status"));
    JsonArray transcript = messages(anna, chat);
    assertEquals("Passt die Jacke in Größe M?", transcript.getJsonObject(0).getString("text"));
    assertEquals("Ich habe nachgemessen: M passt.", transcript.getJsonObject(transcript.size() - 1).getString("text"));
    assertEquals(1, messages(anna, again).size(), "the chat going on in the widget got nothing of the mail");
    bus.close();
  }

  @Test
  void theMailboxPasswordIsNeverReadBack() {
    mail.connect(node);
    JsonObject box = await(node.http.get("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertEquals(SUPPORT, box.getString("address"));
    assertTrue(box.getBoolean("passwordSet"));
    assertFalse(box.encode().contains(TestMailServer.SUPPORT_PASSWORD));
    HttpResponse<Buffer> bad = await(node.http.put("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(mail.mailboxSettings().put("imapPort", 0)));
    assertEquals(400, bad.statusCode());
    HttpResponse<Buffer> notAdmin = await(node.http.get("/api/v1/mailbox").bearerTokenAuthentication(node.createAgent("Ben", 1).token()).send());
    assertEquals(403, notAdmin.statusCode());
  }

  record Answered(String conversationId, MimeMessage answer) {}

  /** The mailbox connected, the customer asks for an invoice, the agent answers: the conversation and the answer as received. */
  private Answered answeredMail(OnlineAgent agent) throws Exception {
    mail.connect(node);
    mail.customerWrites("Rechnung", "Bitte senden Sie mir die Rechnung.", null);
    String conversationId = await(agent.bus().push("assigned")).getJsonObject("conversation").getString("id");
    return new Answered(conversationId, agentAnswers(agent, conversationId, "Die Rechnung kommt heute."));
  }


  private static String requestChat(BridgeClient bus, Person visitor, String text, String clientMsgId) {
    return await(bus.request("visitor.requestChat", visitor.token(), new JsonObject().put("name", "Eva Muster").put("email", CUSTOMER)
        .put("text", text).put("clientMsgId", clientMsgId))).getJsonObject("conversation").getString("id");
  }

  /** What the visitor panel (GET /api/v1/visitors/{id}) lists as the conversations this visitor's e-mails follow up. */
  private JsonArray followedUp(OnlineAgent agent, String visitorId) {
    HttpResponse<Buffer> panel = await(node.http.get("/api/v1/visitors/" + visitorId).bearerTokenAuthentication(agent.person().token()).send());
    assertEquals(200, panel.statusCode(), panel.bodyAsString());
    return panel.bodyAsJsonObject().getJsonArray("followedUp");
  }

  private static String lastLine(JsonObject message) {
    return message.getString("text").lines().reduce((a, b) -> b).orElseThrow();
  }

  private int unseenInSupportInbox() throws Exception {
    Properties p = new Properties();
    p.put("mail.imap.peek", "true");
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", mail.imapPort(), SUPPORT, TestMailServer.SUPPORT_PASSWORD);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
    } finally {
      store.close();
    }
  }
}
