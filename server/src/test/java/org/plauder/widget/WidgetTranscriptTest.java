package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.MovableClock;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;
import org.plauder.config.Config;

/** A chat's life in the widget up to its end: masked card numbers, long histories, the transcript by e-mail. */
class WidgetTranscriptTest extends WidgetBrowserTest {

  /** More than one page of visitor.history (500 messages). */
  static final int LONG_CHAT = 505;

  GreenMail smtp;
  // Moved on by hand between bursts of agent messages, so the long chat fits the agent's rate limit.
  MovableClock clock;

  @BeforeEach
  void start(Vertx vertx) {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Config.Smtp mail = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, "chat@demo.example", "disabled");
    clock = new MovableClock(java.time.Instant.now());
    node = TestNode.start(vertx, TestNode.config(dataDir, null).withSmtp(mail), clock);
  }

  @AfterEach
  void stopMailServer() {
    smtp.stop();
  }

  @Test
  void cardNumbersAreHiddenALongChatComesBackWholeAndTheTranscriptIsMailed() {
    Person agent = node.createAgent("Anna", 2);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));

    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitVisible("textarea");
    page.find("textarea").sendKeys("Meine Karte 4111 1111 1111 1111 geht nicht", Keys.ENTER);
    String conversationId = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    page.waitText(".status", "Anna ist für Sie da");
    page.waitText(".log li.visitor .masked", "Kartennummer zu Ihrer Sicherheit verborgen");
    page.find("textarea").sendKeys("Und die 5500-0000-0000-0004 auch nicht", Keys.ENTER);
    page.waiting().until(d -> page.countInShadow(".log li.visitor .masked:not([hidden])") == 2);
    List<String> shown = page.bubbles();
    assertEquals("Meine Karte •••• •••• •••• 1111 geht nicht", shown.get(0), "the stored text, not the typed one");
    assertEquals("Und die ••••-••••-••••-0004 auch nicht", shown.get(1));
    assertFalse(page.textOf(".log").contains("4111 1111"), "the card number is nowhere in the panel");
    page.find("textarea").sendKeys("Danke", Keys.ENTER);
    page.waiting().until(d -> page.bubbles().size() == 3);
    assertEquals(2, page.countInShadow(".log li .masked:not([hidden])"), "no notice on a message without a card number");
    Browser.screenshot(driver, "widget-masked-1280x800");

    // A chat longer than one history page comes back whole on the next page (sent while none is open).
    driver.get("about:blank");
    // 25 at a time (the limit lets one sender burst 30, then 3 a second), 10 s apart on the node's
    // clock; each batch on a socket of its own, as a socket may send 100 frames at once and then
    // 20 a second of real time.
    for (int batch = 0; batch < LONG_CHAT; batch += 25) {
      clock.advance(java.time.Duration.ofSeconds(10));
      List<io.vertx.core.Future<JsonObject>> sends = new java.util.ArrayList<>();
      try (BridgeClient batchBus = node.bridge()) {
        for (int i = batch + 1; i <= Math.min(batch + 25, LONG_CHAT); i++) {
          sends.add(batchBus.request("agent.send", agent.token(), new JsonObject()
              .put("conversationId", conversationId).put("text", "Schritt " + i).put("clientMsgId", "a-" + i)));
        }
        await(io.vertx.core.Future.all(sends));
      }
    }
    page.load(node.origin() + "/demo/produkt.html");
    page.waitVisible(".panel");
    page.waiting().until(d -> page.bubbles().size() >= 3 + LONG_CHAT);
    List<String> all = page.bubbles();
    assertEquals(3 + LONG_CHAT, all.size());
    assertEquals("Danke", all.get(2));
    assertTrue(all.containsAll(List.of("Schritt 1", "Schritt 250", "Schritt " + LONG_CHAT)));

    page.find("header .end").click();
    page.waitText(".confirm", "Chat wirklich beenden?");
    page.find(".confirm .primary").click();
    page.waitVisible(".rating");
    assertTrue(page.visible("form.mail"), "the transcript is offered together with the rating");
    page.find(".stars button[aria-label='5 von 5 Sternen']").click();
    page.waitText(".rated", "Danke für Ihre Bewertung!");
    page.waitVisible("form.mail");
    assertEquals("input.", page.focused(), "focus goes to the e-mail field once rated");
    page.find("form.mail input").sendKeys("eva@example.org", Keys.ENTER);
    page.waitText(".mail-sent", "Der Verlauf wurde an eva@example.org gesendet.");
    assertFalse(page.visible("form.mail"));
    Browser.screenshot(driver, "widget-transcript-sent-1280x800");

    assertTrue(waitForMail());
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertEquals("eva@example.org", recipient(mail));
    String body = GreenMailUtil.getBody(mail);
    // Not asserted: the last messages. The server mails the first history page only (500 messages).
    assertTrue(body.contains("Danke") && body.contains("Schritt 1"), body.substring(0, Math.min(body.length(), 2000)));
    assertFalse(body.contains("4111 1111"), "the mail has the masked text only");
  }

  @Test
  void aSecondRequestForTheSameTranscriptIsRefusedClearly() {
    Person agent = node.createAgent("Ben", 2);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));

    driver = Browser.start(360, 740);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/hilfe.html");
    page.find(".launcher").click();
    page.waitVisible("textarea");
    page.find("textarea").sendKeys("Kurze Frage", Keys.ENTER);
    String conversationId = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    await(agentBus.request("agent.close", agent.token(), new JsonObject().put("conversationId", conversationId)));
    page.waitVisible(".rating");
    page.waitVisible("form.mail");
    // The same transcript was asked for already (another tab, say): the server refuses, the widget says why.
    String visitorToken = (String) page.js("return localStorage.getItem('plauder.demo.token');");
    BridgeClient visitorBus = node.bridge();
    try {
      await(visitorBus.request("visitor.emailTranscript", visitorToken, new JsonObject()
          .put("conversationId", conversationId).put("email", "first@example.org")));
    } finally {
      visitorBus.close();
    }
    page.find("form.mail input").sendKeys("second@example.org");
    page.find("form.mail button").click();
    page.waitText(".mail-error", "Der Verlauf dieses Chats wurde bereits per E-Mail gesendet.");
    assertFalse(page.visible("form.mail"), "asking again would not help");
    Browser.screenshot(driver, "widget-transcript-refused-360x740");
    assertTrue(waitForMail());
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  boolean waitForMail() {
    return smtp.waitForIncomingEmail(10_000, 1);
  }

  static String recipient(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
