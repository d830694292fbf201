package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Properties;

/**
 * A real mail server in the test's process (GreenMail, SMTP and IMAP on free ports) with the
 * support mailbox of the demo site and one customer, and what the customer does with it.
 */
public final class TestMailServer implements AutoCloseable {

  public static final String SUPPORT = "support@shop.test";
  public static final String SUPPORT_PASSWORD = "support-secret";
  public static final String CUSTOMER = "eva@kunde.test";

  public final GreenMail mail;

  public TestMailServer() {
    mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    mail.start();
    mail.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
    mail.setUser(CUSTOMER, CUSTOMER, "eva-secret");
  }

  /** The mailbox settings of the demo site for this server, checked every second. */
  public JsonObject mailboxSettings() {
    return new JsonObject().put("enabled", true).put("address", SUPPORT)
        .put("imapHost", "127.0.0.1").put("imapPort", mail.getImap().getPort()).put("imapSecurity", "none")
        .put("smtpHost", "127.0.0.1").put("smtpPort", mail.getSmtp().getPort()).put("smtpSecurity", "none")
        .put("username", SUPPORT).put("password", SUPPORT_PASSWORD).put("pollSeconds", 1);
  }

  /** An admin connects the demo site's mailbox through the REST API. */
  public void connect(TestNode node) {
    connect(node, mailboxSettings());
  }

  /** An admin connects the demo site's mailbox with these settings. */
  public void connect(TestNode node, JsonObject settings) {
    HttpResponse<Buffer> saved = await(node.http.put("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(settings));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
  }

  /** A mail to support from {@code from}, not sent yet. */
  public MimeMessage draft(String from, String name, String subject) throws MessagingException, UnsupportedEncodingException {
    MimeMessage m = new MimeMessage(smtpSession());
    m.setFrom(new InternetAddress(from, name));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
    m.setSubject(subject, "UTF-8");
    return m;
  }

  /** The customer sends a mail to support, as a reply to {@code replyTo} when given; answers its Message-ID. */
  public String customerWrites(String subject, String text, MimeMessage replyTo) throws Exception {
    MimeMessage m = draft(CUSTOMER, "Eva Muster", subject);
    m.setText(text, "UTF-8");
    if (replyTo != null) {
      m.setHeader("In-Reply-To", replyTo.getMessageID());
      m.setHeader("References", replyTo.getHeader("References", " ") + " " + replyTo.getMessageID());
    }
    Transport.send(m);
    return m.getMessageID(); // sending gave it its Message-ID
  }

  /** The customer sends an HTML-only mail to support. */
  public void customerWritesHtml(String subject, String html) throws Exception {
    MimeMessage m = draft(CUSTOMER, "Eva Muster", subject);
    m.setContent(html, "text/html; charset=UTF-8");
    Transport.send(m);
  }

  /** The mails that reached the customer's mailbox, oldest first. */
  public List<MimeMessage> customerMails() {
    return List.of(mail.getReceivedMessages()).stream().filter(m -> {
      try {
        return CUSTOMER.equals(((InternetAddress) m.getAllRecipients()[0]).getAddress());
      } catch (MessagingException e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  public int imapPort() {
    return mail.getImap().getPort();
  }

  private Session smtpSession() {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    return Session.getInstance(p);
  }

  @Override
  public void close() {
    mail.stop();
  }
}
