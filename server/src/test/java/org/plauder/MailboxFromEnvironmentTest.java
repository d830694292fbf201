package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestMailServer.CUSTOMER;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.config.MailboxVariables;
import org.plauder.mail.EnvironmentMailbox;
import org.plauder.store.Mailboxes;

/**
 * The support mailbox from PLAUDER_MAIL_* variables, as Main applies them at start, against a real
 * mail server (GreenMail): mail that waited in the mailbox while Plauder was not watching it
 * becomes a conversation once it is, and the admin screen shows the mailbox.
 */
class MailboxFromEnvironmentTest extends MailNodeTest {


  @Test
  void theMailboxFromTheEnvironmentIsWatchedAndMailThatWaitedInItArrives() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    mail.customerWrites("Während Plauder schlief", "Ist mein Paket unterwegs?", null);
    MailboxVariables variables = MailboxVariables.fromEnvironment(Map.of(
        "PLAUDER_MAIL_ADDRESS", TestMailServer.SUPPORT,
        "PLAUDER_MAIL_IMAP_URL", "imap+plain://support%40shop.test:" + TestMailServer.SUPPORT_PASSWORD + "@127.0.0.1:" + mail.imapPort(),
        "PLAUDER_MAIL_SMTP_URL", "smtp+plain://127.0.0.1:" + mail.mail.getSmtp().getPort(),
        "PLAUDER_MAIL_POLL_SECONDS", "1"));

    await(EnvironmentMailbox.connect(new Mailboxes(node.server.services().database()), node.server.services().events(), variables));

    JsonObject conversation = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertEquals("email", conversation.getString("channel"));
    assertEquals(CUSTOMER, conversation.getString("visitorEmail"));
    JsonObject box = await(node.http.get("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertEquals(TestMailServer.SUPPORT, box.getString("address"));
    assertTrue(box.getBoolean("enabled"));
    assertTrue(box.getBoolean("passwordSet"));
  }
}
