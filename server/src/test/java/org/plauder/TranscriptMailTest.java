package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.config.Config;

/** A visitor has its transcript e-mailed once the chat has ended, through a real SMTP server. */
@ExtendWith(VertxExtension.class)
class TranscriptMailTest {

  @TempDir
  Path dataDir;

  GreenMail smtp;
  TestNode node;
  BridgeClient bus;

  @BeforeEach
  void start(Vertx vertx) {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Config.Smtp mail = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, "chat@demo.example", "disabled");
    node = TestNode.start(vertx, TestNode.config(dataDir, null).withSmtp(mail));
    bus = node.bridge();
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
    smtp.stop();
  }

  @Test
  void anEndedChatsTranscriptIsMailedOnceToTheAddressTheVisitorGives() throws Exception {
    Person agent = node.createAgent("Anna", 2);
    bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    Person visitor = node.newVisitor();
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()
        .put("text", "Wann kommt <b>mein</b> Paket?").put("clientMsgId", "m-1"))).getJsonObject("conversation").getString("id");
    await(bus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", chat).put("text", "Morgen früh.").put("clientMsgId", "a-1")));
    // in the widget's language (the site's first, German, when none is sent)
    JsonObject request = new JsonObject().put("conversationId", chat).put("email", "eva@example.org").put("language", "en");

    assertEquals("conversation_open", assertRefused(bus.request("visitor.emailTranscript", visitor.token(), request)).code());
    await(bus.request("visitor.close", visitor.token(), new JsonObject().put("conversationId", chat)));
    assertEquals("not_found", assertRefused(bus.request("visitor.emailTranscript", node.newVisitor().token(), request)).code());
    assertEquals("eva@example.org", await(bus.request("visitor.emailTranscript", visitor.token(), request)).getString("sentTo"));

    assertTrue(smtp.waitForIncomingEmail(10_000, 1));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertEquals("eva@example.org", mail.getAllRecipients()[0].toString());
    assertEquals("Your chat transcript – Demo shop", mail.getSubject());
    // quoted-printable: soft line breaks may split any word
    String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=\n", "");
    assertTrue(body.contains("Morgen fr"), body);
    assertTrue(body.contains("&lt;b&gt;mein&lt;/b&gt;"), "the HTML part escapes what the visitor typed: " + body);

    assertEquals("already_sent", assertRefused(bus.request("visitor.emailTranscript", visitor.token(),
        request.copy().put("email", "someone.else@example.org"))).code());
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  @Test
  void aLongChatIsMailedWhole() throws Exception {
    Person agent = node.createAgent("Anna", 2);
    bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    Person visitor = node.newVisitor();
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject())).getJsonObject("conversation").getString("id");
    var store = node.server.services().messageStore();
    for (int seq = 1; seq <= 520; seq++) {
      await(store.insert(new org.plauder.conversation.ChatMessage(chat, seq, org.plauder.conversation.ChatMessage.Sender.VISITOR,
          visitor.id(), "Eva", "Zeile " + seq + " von 520", "bulk-" + seq, java.time.Instant.now()), "demo"));
    }
    await(node.server.services().conversations().recordSeq(chat, 520));
    await(bus.request("visitor.close", visitor.token(), new JsonObject().put("conversationId", chat)));
    await(bus.request("visitor.emailTranscript", visitor.token(), new JsonObject().put("conversationId", chat).put("email", "eva@example.org")));
    assertTrue(smtp.waitForIncomingEmail(10_000, 1));
    String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
    assertTrue(body.contains("Zeile 500 von 520") && body.contains("Zeile 520 von 520"), "the last messages are in the mail");
  }

  @Test
  void visitorsAreToldWhetherTranscriptsCanBeMailed() {
    JsonObject minted = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
        .sendJsonObject(new JsonObject())).bodyAsJsonObject();
    assertTrue(minted.getJsonObject("features").getBoolean("emailTranscript"));
  }
}
