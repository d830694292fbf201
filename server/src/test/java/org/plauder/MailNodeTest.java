package org.plauder;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;

/**
 * What the e-mail channel's tests start from: a real node on the embedded database and a real
 * mail server in the test (GreenMail), and what a customer and an agent do with them.
 */
@ExtendWith(VertxExtension.class)
abstract class MailNodeTest {

  @TempDir
  Path dataDir;

  TestMailServer mail;
  TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    mail = new TestMailServer();
    node = TestNode.start(vertx, TestNode.config(dataDir, null));
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    mail.close();
  }

  /** The mailbox connected, the customer writes: the id of the e-mail conversation the agent is assigned. */
  String emailConversation(OnlineAgent agent, String subject, String text) throws Exception {
    mail.connect(node);
    mail.customerWrites(subject, text, null);
    return await(agent.bus().push("assigned")).getJsonObject("conversation").getString("id");
  }

  /** The agent answers in the dashboard; the answer as the customer receives it. */
  MimeMessage agentAnswers(OnlineAgent agent, String conversationId, String text) throws Exception {
    int before = mail.customerMails().size();
    await(agent.bus().request("agent.send", agent.person().token(), new JsonObject()
        .put("conversationId", conversationId).put("text", text).put("clientMsgId", "a-" + before)));
    assertTrue(waitUntil(() -> mail.customerMails().size() > before), "the answer reaches the customer's mailbox");
    return mail.customerMails().get(before);
  }

  JsonArray messages(OnlineAgent agent, String conversationId) {
    return await(agent.bus().request("agent.history", agent.person().token(), new JsonObject().put("conversationId", conversationId)))
        .getJsonArray("messages");
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Polls a condition for up to 15 s (the mailbox is polled every second). */
  static boolean waitUntil(Check check) throws Exception {
    for (int i = 0; i < 150; i++) {
      if (check.holds()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
