package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;
import org.plauder.config.Config;

/** The widget loses the server mid-chat (the node stops and comes back on the same port and data). */
class WidgetReconnectTest extends WidgetBrowserTest {

  @Test
  void messageWrittenWhileTheServerIsDownIsSentOnceAfterTheReconnect(Vertx vertx) throws IOException {
    Config config = onPort(TestNode.config(dataDir, null), TestNode.freePort());
    node = TestNode.start(vertx, config);
    Person agent = node.createAgent("Ben", 3);
    agentOnline(agent);

    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/kasse.html");
    page.find(".launcher").click();
    page.waitVisible("textarea");
    page.find("textarea").sendKeys("Erste Nachricht", Keys.ENTER);
    String conversationId = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    page.waitText(".log", "zugestellt");

    agentBus.close();
    agentBus = null;
    node.close();
    node = null;
    page.waitText(".status", "Verbindung unterbrochen");

    page.find("textarea").sendKeys("Während der Funkstille", Keys.ENTER);
    page.waitText(".log li.sending", "Während der Funkstille");
    page.waitText(".log li.sending .meta", "wird gesendet");
    String stored = (String) page.js("return localStorage.getItem('plauder.demo.outbox');");
    org.junit.jupiter.api.Assertions.assertTrue(stored != null && stored.contains("Während der Funkstille"),
        "the unsent message is kept in localStorage: " + stored);

    node = TestNode.start(vertx, config);
    agentOnline(agent);
    await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Wieder da").put("clientMsgId", "b-1")));

    page.waitText(".log", "Wieder da");
    page.waiting().withMessage(() -> "all three messages sent, saw " + page.bubbles()).until(d ->
        page.bubbles().size() == 3 && page.countInShadow(".log li.sending") == 0);
    assertEquals(Set.of("Erste Nachricht", "Während der Funkstille", "Wieder da"), new HashSet<>(page.bubbles()));
    page.waitText(".status", "Ben ist für Sie da");
    assertNull(page.js("return localStorage.getItem('plauder.demo.outbox');"), "the outbox is empty once acknowledged");

    JsonArray messages = await(agentBus.request("agent.history", agent.token(),
        new JsonObject().put("conversationId", conversationId))).getJsonArray("messages");
    List<String> texts = messages.stream().map(m -> ((JsonObject) m).getString("text")).toList();
    assertEquals(1, texts.stream().filter("Während der Funkstille"::equals).count(), "stored once: " + texts);
    assertEquals(3, texts.size(), "stored: " + texts);
  }

  @Test
  void tokenTheServerNoLongerAcceptsIsReplacedAndTheVisitorCarriesOn(Vertx vertx) throws IOException {
    Config config = onPort(TestNode.config(dataDir, null), TestNode.freePort());
    node = TestNode.start(vertx, config);
    // Someone is online, so the widget offers the chat (with nobody online it opens on the offline form).
    Person firstAdmin = node.loginAdmin();
    BridgeClient firstBus = node.bridge();
    firstBus.register("agent." + firstAdmin.id(), firstAdmin.token());
    await(firstBus.request("agent.status", firstAdmin.token(), new JsonObject().put("status", "online")));
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitText(".status", "Schreiben Sie uns");
    page.waiting().until(d -> page.js("return localStorage.getItem('plauder.demo.token');") != null);
    String firstToken = (String) page.js("return localStorage.getItem('plauder.demo.token');");

    // The operator rotates the signing key: every token the widget holds is now refused.
    firstBus.close();
    node.close();
    node = TestNode.start(vertx, withSecret(config, TestNode.SECRET + "-rotated"));
    Person admin = node.loginAdmin();
    agentBus = node.bridge();
    agentBus.register("agent." + admin.id(), admin.token());
    await(agentBus.request("agent.status", admin.token(), new JsonObject().put("status", "online")));

    page.waiting().withMessage("a fresh visitor token").until(d ->
        !firstToken.equals(page.js("return localStorage.getItem('plauder.demo.token');")));
    page.waitText(".status", "Schreiben Sie uns");
    page.find("textarea").sendKeys("Geht es noch?", Keys.ENTER);
    String conversationId = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    await(agentBus.request("agent.send", admin.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Ja, alles gut.").put("clientMsgId", "r-1")));
    page.waitText(".log", "Ja, alles gut.");
    assertEquals(List.of("Geht es noch?", "Ja, alles gut."), page.bubbles());
    assertEquals(0, page.countInShadow(".error:not([hidden])"), "no error left on screen: " + page.textOf(".error"));
  }

  private static Config withSecret(Config c, String secret) {
    return c.withJwtSecret(secret);
  }

  private void agentOnline(Person agent) {
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
  }

  private static Config onPort(Config c, int port) {
    return c.withPort(port);
  }

}
