package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * The e-mail channel against a real mail server in-process (GreenMail, SMTP and IMAP): mail to
 * the support address becomes a conversation, the agent's answer goes out in the thread, and
 * the customer's reply comes back into the same conversation.
 */
@ExtendWith(VertxExtension.class)
class MailChannelTest {

  static final String SUPPORT = "support@shop.test";
  static final String CUSTOMER = "eva@kunde.test";

  @TempDir
  Path dataDir;

  GreenMail mail;
  TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    mail.start();
    mail.setUser(SUPPORT, SUPPORT, "support-secret");
    mail.setUser(CUSTOMER, CUSTOMER, "eva-secret");
    node = TestNode.start(vertx, TestNode.config(dataDir, null));
  }

  @AfterEach
  void stop() {
    node.close();
    mail.stop();
  }

  @Test
  void aMailWaitingInTheMailboxBecomesAnEmailConversationOfAnOnlineAgentAndIsMarkedSeen() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String sent = customerWrites("Paket fehlt", "Hallo,\nmein Paket ist nicht angekommen.\n\n-- \nEva Muster\nTel. 0123", null);
    assertEquals(1, unseenInSupportInbox(), "the mail waits in the mailbox while no one fetches it");

    connectMailbox();
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
  }

  @Test
  void theAgentsAnswerArrivesInTheCustomersMailboxWithThreadingHeaders() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    connectMailbox();
    String customerId = customerWrites("Rechnung", "Bitte senden Sie mir die Rechnung.", null);
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

    customerWrites("Re: Rechnung", "Danke, angekommen!\n\nAm 2. Dezember 2026 schrieb Demo shop <" + SUPPORT + ">:\n"
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

    customerWrites("Ganz anderer Betreff", "Noch eine Frage zur Rechnung.", answered.answer());
    JsonObject reply = await(anna.bus().push(p -> "message".equals(p.getString("type"))
        && "visitor".equals(p.getJsonObject("message").getString("sender"))));
    assertEquals(answered.conversationId(), reply.getJsonObject("message").getString("conversationId"));
    assertEquals("Noch eine Frage zur Rechnung.", reply.getJsonObject("message").getString("text"));

    MimeMessage sameSubject = new MimeMessage(smtpSession());
    sameSubject.setFrom(new InternetAddress("max@kunde.test", "Max"));
    sameSubject.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
    sameSubject.setSubject("Re: Rechnung");
    sameSubject.setText("Wo ist meine Rechnung?");
    Transport.send(sameSubject);
    JsonObject other = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertEquals("max@kunde.test", other.getString("visitorEmail"));
    assertFalse(answered.conversationId().equals(other.getString("id")), "a subject alone threads nothing");
  }

  @Test
  void aScriptInAnHtmlMailShowsInert() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    connectMailbox();
    MimeMessage html = new MimeMessage(smtpSession());
    html.setFrom(new InternetAddress(CUSTOMER, "Eva Muster"));
    html.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
    html.setSubject("HTML");
    html.setContent("<html><head><style>p{color:red}</style><script>alert('style')</script></head><body>"
        + "<p>Hallo <b>Welt</b> &amp; Co.</p><img src=x onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">Link</a>"
        + "<script>document.cookie</script></body></html>", "text/html; charset=UTF-8");
    Transport.send(html);

    String conversationId = await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id");
    String text = messages(anna, conversationId).getJsonObject(0).getString("text");
    assertEquals("HTML\n\nHallo Welt & Co.\nLink", text);
  }

  @Test
  void aLeftMessageAnsweredFromTheDashboardReachesTheVisitorsMailbox() throws Exception {
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

    connectMailbox();
    HttpResponse<Buffer> stored = await(node.http.post("/api/v1/conversations/" + left + "/email-answer")
        .bearerTokenAuthentication(anna.token()).sendJsonObject(answer));
    assertEquals(200, stored.statusCode(), stored.bodyAsString());
    assertTrue(mail.waitForIncomingEmail(10_000, 1));
    MimeMessage received = customerMails().get(0);
    assertTrue(received.getSubject().endsWith("Demo shop"), received.getSubject());
    assertTrue(GreenMailUtil.getBody(received).contains("42 ist da"));
    assertNull(received.getHeader("In-Reply-To", null), "the first mail of its thread");
    bus.close();
  }

  @Test
  void theMailboxPasswordIsNeverReadBack() {
    connectMailbox();
    JsonObject box = await(node.http.get("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertEquals(SUPPORT, box.getString("address"));
    assertTrue(box.getBoolean("passwordSet"));
    assertFalse(box.encode().contains("support-secret"));
    HttpResponse<Buffer> bad = await(node.http.put("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(mailboxSettings().put("imapPort", 0)));
    assertEquals(400, bad.statusCode());
    HttpResponse<Buffer> notAdmin = await(node.http.get("/api/v1/mailbox").bearerTokenAuthentication(node.createAgent("Ben", 1).token()).send());
    assertEquals(403, notAdmin.statusCode());
  }

  private JsonObject mailboxSettings() {
    return new JsonObject().put("enabled", true).put("address", SUPPORT)
        .put("imapHost", "127.0.0.1").put("imapPort", mail.getImap().getPort()).put("imapSecurity", "none")
        .put("smtpHost", "127.0.0.1").put("smtpPort", mail.getSmtp().getPort()).put("smtpSecurity", "none")
        .put("username", SUPPORT).put("password", "support-secret").put("pollSeconds", 1);
  }

  private void connectMailbox() {
    HttpResponse<Buffer> saved = await(node.http.put("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(mailboxSettings()));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
  }

  record Answered(String conversationId, MimeMessage answer) {}

  /** The mailbox connected, the customer asks for an invoice, the agent answers: the conversation and the answer as received. */
  private Answered answeredMail(OnlineAgent agent) throws Exception {
    connectMailbox();
    customerWrites("Rechnung", "Bitte senden Sie mir die Rechnung.", null);
    String conversationId = await(agent.bus().push("assigned")).getJsonObject("conversation").getString("id");
    return new Answered(conversationId, agentAnswers(agent, conversationId, "Die Rechnung kommt heute."));
  }

  /** The customer sends a mail to support, as a reply to {@code replyTo} when given; answers its Message-ID. */
  private String customerWrites(String subject, String text, MimeMessage replyTo) throws Exception {
    MimeMessage m = new MimeMessage(smtpSession());
    m.setFrom(new InternetAddress(CUSTOMER, "Eva Muster"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
    m.setSubject(subject, "UTF-8");
    m.setText(text, "UTF-8");
    if (replyTo != null) {
      m.setHeader("In-Reply-To", replyTo.getMessageID());
      m.setHeader("References", replyTo.getHeader("References", " ") + " " + replyTo.getMessageID());
    }
    Transport.send(m);
    return m.getMessageID(); // sending gave it its Message-ID
  }

  /** The agent answers in the dashboard; the answer as the customer receives it. */
  private MimeMessage agentAnswers(OnlineAgent agent, String conversationId, String text) throws Exception {
    int before = customerMails().size();
    await(agent.bus().request("agent.send", agent.person().token(), new JsonObject()
        .put("conversationId", conversationId).put("text", text).put("clientMsgId", "a-" + before)));
    assertTrue(waitUntil(() -> customerMails().size() > before), "the answer reaches the customer's mailbox");
    return customerMails().get(before);
  }

  private List<MimeMessage> customerMails() {
    return List.of(mail.getReceivedMessages()).stream().filter(m -> {
      try {
        return CUSTOMER.equals(((InternetAddress) m.getAllRecipients()[0]).getAddress());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  private JsonArray messages(OnlineAgent agent, String conversationId) {
    return await(agent.bus().request("agent.history", agent.person().token(), new JsonObject().put("conversationId", conversationId)))
        .getJsonArray("messages");
  }

  private Session smtpSession() {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    return Session.getInstance(p);
  }

  private int unseenInSupportInbox() throws Exception {
    Properties p = new Properties();
    p.put("mail.imap.peek", "true");
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), SUPPORT, "support-secret");
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
    } finally {
      store.close();
    }
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Polls a condition for up to 15 s (the mailbox is polled every second). */
  private static boolean waitUntil(Check check) throws Exception {
    for (int i = 0; i < 150; i++) {
      if (check.holds()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
