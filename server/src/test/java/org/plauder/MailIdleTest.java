package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.plauder.TestNode.OnlineAgent;

/**
 * How the mailbox hears of new mail: a server that offers IMAP IDLE announces it, so a mail is a
 * conversation within seconds though the mailbox is checked only every five minutes; a server
 * without IDLE is polled.
 */
class MailIdleTest extends MailNodeTest {

  /** Far longer than any wait here: a mail that arrives in time was announced, not polled. */
  private static final int FIVE_MINUTES = 300;
  /** How long an announced mail may take on a busy machine (two CPU hogs beside it: 49 s for this class, 6 s quiet); well below the poll. */
  private static final int A_MINUTE = 60;

  @Test
  void aServerWithIdleAnnouncesEachNewMailAtOnceThoughTheMailboxIsCheckedEveryFiveMinutes() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 5);
    mail.connect(node, mail.mailboxSettings().put("pollSeconds", FIVE_MINUTES));

    // One after the other: each arrives while the mailbox is being watched (while the one before is taken in, or idle).
    for (String customer : new String[] {"a@kunde.test", "b@kunde.test", "c@kunde.test"}) {
      sendFrom(customer);
      assertEquals(customer, await(anna.bus().push("assigned"), A_MINUTE).getJsonObject("conversation").getString("visitorEmail"),
          "announced by the mail server, not found by a check five minutes later");
    }
  }

  @Test
  void aMailAnnouncedJustAsTheIdleStartsIsTakenAtOnce() throws Exception {
    // The server tells of the mail before it confirms the IDLE: the IDLE itself would wait for the next one.
    try (ImapRelay relay = ImapRelay.onFirstIdle(mail.imapPort(), () -> sendFrom("a@kunde.test"))) {
      OnlineAgent anna = node.onlineAgent("Anna", 5);
      mail.connect(node, mail.mailboxSettings().put("imapPort", relay.port()).put("pollSeconds", FIVE_MINUTES));
      assertEquals("a@kunde.test", await(anna.bus().push("assigned"), A_MINUTE).getJsonObject("conversation").getString("visitorEmail"));
      assertTrue(relay.idleAsked());
    }
  }

  @Test
  void aServerWithoutIdleIsPolled() throws Exception {
    try (ImapRelay withoutIdle = ImapRelay.withoutIdle(mail.imapPort())) {
      OnlineAgent anna = node.onlineAgent("Anna", 5);
      mail.connect(node, mail.mailboxSettings().put("imapPort", withoutIdle.port()).put("pollSeconds", 1));

      for (String customer : new String[] {"a@kunde.test", "b@kunde.test"}) {
        sendFrom(customer);
        assertEquals(customer, await(anna.bus().push("assigned")).getJsonObject("conversation").getString("visitorEmail"));
      }
      assertFalse(withoutIdle.idleAsked(), "the server offers no IDLE, so none was asked for");
    }
  }

  private void sendFrom(String customer) throws Exception {
    MimeMessage m = mail.draft(customer, null, "Frage");
    m.setText("Wo ist mein Paket?", "UTF-8");
    Transport.send(m);
  }
}
