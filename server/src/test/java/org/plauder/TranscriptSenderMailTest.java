package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.config.Config;

/** A site's own sender of e-mailed transcripts, set by its admin, through a real SMTP server (GreenMail). */
@ExtendWith(VertxExtension.class)
class TranscriptSenderMailTest {

  @TempDir
  Path dataDir;

  GreenMail smtp;
  TestNode node;
  BridgeClient bus;
  Person admin;

  @BeforeEach
  void start(Vertx vertx) {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Config.Smtp mail = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, "chat@demo.example", "disabled");
    node = TestNode.start(vertx, TestNode.config(dataDir, null).withSmtp(mail));
    bus = node.bridge();
    admin = node.loginAdmin();
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
    smtp.stop();
  }

  private HttpResponse<Buffer> setSender(String token, JsonObject body) {
    return await(node.http.put("/api/v1/site/transcript-sender").bearerTokenAuthentication(token).sendJsonObject(body));
  }

  /** Ends a short chat and has its transcript mailed; the mail as it arrived. */
  private MimeMessage mailedTranscript(int number) throws Exception {
    Person agent = node.createAgent("Anna", 2);
    bus.register("agent." + agent.id(), agent.token());
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    Person visitor = node.newVisitor();
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()
        .put("text", "Hallo").put("clientMsgId", "m-1"))).getJsonObject("conversation").getString("id");
    await(bus.request("visitor.close", visitor.token(), new JsonObject().put("conversationId", chat)));
    await(bus.request("visitor.emailTranscript", visitor.token(), new JsonObject().put("conversationId", chat).put("email", "eva@example.org")));
    assertTrue(smtp.waitForIncomingEmail(10_000, number));
    return smtp.getReceivedMessages()[number - 1];
  }

  @Test
  void theSitesOwnSenderReplacesTheServersAndCanBeTakenBack() throws Exception {
    JsonObject none = await(node.http.get("/api/v1/site/transcript-sender").bearerTokenAuthentication(admin.token()).send()).bodyAsJsonObject();
    assertEquals("chat@demo.example", none.getString("from"));
    assertEquals(null, none.getString("address"));

    HttpResponse<Buffer> saved = setSender(admin.token(), new JsonObject().put("name", "Kaffeerösterei Beispiel").put("address", "service@shop.example"));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals("service@shop.example", saved.bodyAsJsonObject().getString("address"));
    InternetAddress from = (InternetAddress) mailedTranscript(1).getFrom()[0];
    assertEquals("service@shop.example", from.getAddress());
    assertEquals("Kaffeerösterei Beispiel", from.getPersonal());

    assertEquals(200, setSender(admin.token(), new JsonObject().putNull("address")).statusCode());
    InternetAddress back = (InternetAddress) mailedTranscript(2).getFrom()[0];
    assertEquals("chat@demo.example", back.getAddress());
  }

  @Test
  void aBadAddressOrNameIsRefusedAndOnlyAdminsMayChangeIt() {
    assertEquals(200, setSender(admin.token(), new JsonObject().put("address", "service@shop.example")).statusCode());
    for (JsonObject bad : new JsonObject[] {
        new JsonObject().put("address", "no address"),
        new JsonObject().put("address", "a<b>@shop.example"),
        new JsonObject().put("name", "Evil\" <evil@x.example>").put("address", "service@shop.example"),
        new JsonObject().put("name", "Shop"),
        new JsonObject().put("address", "service@shop.example").put("replyTo", "x@shop.example")}) {
      HttpResponse<Buffer> refused = setSender(admin.token(), bad);
      assertEquals(400, refused.statusCode(), bad.encode());
      assertEquals("invalid_input", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
    Person agent = node.createAgent("Ben", 2);
    assertEquals(403, setSender(agent.token(), new JsonObject().put("address", "ben@shop.example")).statusCode());
    assertEquals(403, await(node.http.get("/api/v1/site/transcript-sender").bearerTokenAuthentication(agent.token()).send()).statusCode());
    JsonObject kept = await(node.http.get("/api/v1/site/transcript-sender").bearerTokenAuthentication(admin.token()).send()).bodyAsJsonObject();
    assertEquals("service@shop.example", kept.getString("from"), "nothing changed");
  }
}
