package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** The widget in real headless Chromium on the demo shop, against a real node and an agent on the bridge. */
class WidgetChatTest extends WidgetBrowserTest {

  private static final String HOSTILE = "<img src=x onerror=alert(1)><script>window.pwned=1</script>";

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @Test
  void visitorChatsWithAnAgentAcrossPagesAndSeesAgentTextAsPlainText() {
    Person agent = node.createAgent("Anna", 3);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));

    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    assertFalse(page.visible(".panel"), "the panel starts closed");

    page.find(".launcher").click();
    page.waitVisible(".panel");
    assertEquals("textarea.", page.focused(), "focus moves into the panel");
    page.waitText(".status", "Schreiben Sie uns");

    page.find("textarea").sendKeys("Hallo, welcher Mahlgrad", Keys.SHIFT, Keys.ENTER, Keys.SHIFT, "passt zum Handfilter?", Keys.ENTER);

    JsonObject assigned = await(agentBus.push("assigned"));
    String conversationId = assigned.getJsonObject("conversation").getString("id");
    JsonObject history = await(agentBus.request("agent.history", agent.token(), new JsonObject().put("conversationId", conversationId)));
    JsonArray messages = history.getJsonArray("messages");
    assertEquals(1, messages.size());
    assertEquals("Hallo, welcher Mahlgrad\npasst zum Handfilter?", messages.getJsonObject(0).getString("text"));
    assertEquals("visitor", messages.getJsonObject(0).getString("sender"));

    page.waitText(".status", "Anna ist für Sie da");
    await(agentBus.request("agent.typing", agent.token(), new JsonObject().put("conversationId", conversationId).put("typing", true)));
    page.waitText(".typing", "Anna schreibt");
    await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Mittel – wie grober Sand.").put("clientMsgId", "a-1")));
    page.waitText(".log", "Mittel – wie grober Sand.");
    assertFalse(page.visible(".typing"), "the typing hint goes away with the agent's message");
    page.waitText(".log li.visitor .meta", "✓ zugestellt");
    // The agent reads the chat: the visitor's message shows it; a mark past the chat's end is refused.
    await(agentBus.request("agent.read", agent.token(), new JsonObject().put("conversationId", conversationId).put("seq", 1)));
    page.waitText(".log li.visitor .meta", "✓✓ gelesen");
    assertEquals("invalid_input", assertThrows(org.plauder.BridgeClient.BridgeError.class, () -> await(agentBus.request("agent.read",
        agent.token(), new JsonObject().put("conversationId", conversationId).put("seq", 99)))).code());
    Browser.screenshot(driver, "widget-desktop-1280x800");

    // Another page of the shop: same visitor, same chat, panel still open, history back.
    page.load(node.origin() + "/demo/produkt.html");
    page.waitVisible(".panel");
    page.waitText(".log", "Mittel – wie grober Sand.");
    assertEquals(List.of("Hallo, welcher Mahlgrad\npasst zum Handfilter?", "Mittel – wie grober Sand."), page.bubbles());
    page.waitText(".status", "Anna ist für Sie da");
    page.waitText(".log li.visitor .meta", "✓✓ gelesen"); // the read mark survives the page change

    await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", HOSTILE).put("clientMsgId", "a-2")));
    page.waitText(".log", HOSTILE);
    assertEquals(0, page.countInShadow("img"), "agent text must not become elements");
    assertEquals(0, page.countInShadow(".log script"));
    assertEquals(null, page.js("return window.pwned === undefined ? null : window.pwned;"));
    assertTrue(page.find(".log li:last-child .bubble").isDisplayed());

    // A message the server refuses (a control character) is explained and handed back, not retried forever.
    page.js("var t = document.getElementById('plauder-widget').shadowRoot.querySelector('textarea');"
        + " t.value = 'Klingel \u0007'; t.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));");
    page.waitText(".error", "Fehler: Die Eingabe ist ungültig.");
    assertEquals("Klingel \u0007", page.find("textarea").getDomProperty("value"));
    assertEquals(3, page.bubbles().size());
    assertEquals(0, page.countInShadow(".log li.sending"));
    page.find("textarea").clear();

    page.find("textarea").sendKeys("Danke!", Keys.ENTER);
    JsonObject atAgent = await(agentBus.push(p -> "message".equals(p.getString("type"))
        && "visitor".equals(p.getJsonObject("message").getString("sender"))
        && "Danke!".equals(p.getJsonObject("message").getString("text"))));
    assertEquals(conversationId, atAgent.getJsonObject("message").getString("conversationId"));
    assertEquals(4, atAgent.getJsonObject("message").getLong("seq"));
    page.waiting().until(d -> page.bubbles().size() == 4);
    page.waiting().withMessage("the error goes once a message goes through").until(d -> !page.visible(".error"));

    driver.manage().window().setSize(new Dimension(360, 740));
    page.waitVisible(".panel");
    Browser.screenshot(driver, "widget-phone-360x740");
    page.waiting().withMessage("full-screen panel on a phone").until(d ->
        (Boolean) page.js("var r = document.getElementById('plauder-widget').shadowRoot.querySelector('.panel').getBoundingClientRect();"
            + " return r.left <= 0 && r.width >= document.documentElement.clientWidth && r.height >= window.innerHeight - 1;"));

    // Escape closes and gives focus back to the launcher.
    page.find("textarea").sendKeys(Keys.ESCAPE);
    page.waiting().until(d -> !page.visible(".panel"));
    assertEquals("button.launcher", page.focused());

    // With the panel closed, an answer shows as an unread badge on the launcher.
    await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Gern geschehen!").put("clientMsgId", "a-3")));
    page.waitVisible(".badge");
    assertEquals("1", page.textOf(".badge"));
    assertTrue(page.find(".launcher").getDomAttribute("aria-label").contains("1 ungelesene Nachricht"));
    page.find(".launcher").click();
    page.waitVisible(".panel");
    page.waiting().until(d -> !page.visible(".badge"));
  }

  @Test
  void withNobodyOnlineTheWidgetOpensOnTheOfflineMessageAndTheLeaveAMessageForm() {
    Person admin = node.loginAdmin();
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin.token())
        .sendJsonObject(new JsonObject().put("offlineMessage", "Wir sind Mo–Fr 9–17 Uhr für Sie da. <b>Danke!</b>"))).statusCode());
    driver = Browser.start(360, 740);
    // The embedding snippet's stub, called before widget.js has loaded: the widget replays the queue.
    WidgetPage page = new WidgetPage(driver).beforeEveryPage(
        "window.Plauder = function () { (window.Plauder.q = window.Plauder.q || []).push(arguments); };"
            + "window.Plauder('identify', {name: 'Eva', email: 'eva@example.org'});"
            + "window.Plauder('on', 'open', function () { window.openedTimes = (window.openedTimes || 0) + 1; });")
        .load(node.origin() + "/demo/hilfe.html");
    Browser.screenshot(driver, "demo-help-360x740");
    page.find(".launcher").click();

    // Nobody online: no invitation to a chat nobody would answer, but the admin's message (as text) and the form.
    page.waitVisible("form.offline");
    page.waitText(".offline-intro", "Wir sind Mo–Fr 9–17 Uhr für Sie da. <b>Danke!</b>");
    assertEquals(0, page.countInShadow("b"), "the admin's message is text");
    page.waitText(".status", "Nachricht hinterlassen");
    assertFalse(page.visible(".composer"), "no composer");
    assertEquals("Eva", page.find("form.offline input[name=name]").getDomProperty("value"), "identify() before load");
    assertEquals("eva@example.org", page.find("form.offline input[name=email]").getDomProperty("value"));
    assertEquals(true, page.find("form.offline input[name=email]").getDomProperty("required").equals("true"), "e-mail required");
    assertEquals(1L, page.js("return window.openedTimes;"), "on('open') registered before load");
    page.find("form.offline textarea").sendKeys("Ist die Guji noch lieferbar?");
    Browser.screenshot(driver, "widget-phone-offline-360x740");
    page.find("form.offline button[type=submit]").click();
    page.waitText(".left-message", "Danke!");

    var response = await(node.http.get("/api/v1/conversations?status=offline").bearerTokenAuthentication(admin.token()).send());
    JsonArray offline = response.bodyAsJsonObject().getJsonArray("conversations");
    assertEquals(1, offline.size());
    assertEquals("eva@example.org", offline.getJsonObject(0).getString("visitorEmail"));
    assertEquals("Ist die Guji noch lieferbar?", await(node.http.get("/api/v1/conversations/" + offline.getJsonObject(0).getString("id")
        + "/transcript?format=json").bearerTokenAuthentication(admin.token()).send()).bodyAsJsonObject()
        .getJsonArray("messages").getJsonObject(0).getString("text"));
  }

  @Test
  void onceAnAgentIsOnlineTheSamePanelOffersTheChatAgain() {
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitText(".offline-intro", "Nobody is online right now."); // the demo site's offline message, as its admin wrote it
    agentBus = node.onlineAgent("Anna", 2).bus();
    page.find(".panel header .x").click();
    page.find(".launcher").click();
    page.waitVisible(".composer");
    page.waitText(".status", "Schreiben Sie uns");
    assertFalse(page.visible("form.offline"));
  }

  @Test
  void queuedVisitorSeesPositionWithoutInventedWaitThenChatsEndsAndRates() {
    Person agent = node.createAgent("Ben", 1);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    // Another visitor takes Ben's only slot.
    Person other = node.newVisitor();
    try (BridgeClient otherBus = node.bridge()) {
      otherBus.register("visitor." + other.id(), other.token());
      String otherChat = await(otherBus.request("visitor.requestChat", other.token(), new JsonObject()))
          .getJsonObject("conversation").getString("id");
      await(agentBus.push("assigned"));

      driver = Browser.start(1280, 800);
      WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/produkt.html");
      page.js("localStorage.setItem('shop.lang', 'en');");
      page.load(node.origin() + "/demo/produkt.html");
      assertEquals("Open chat", page.find(".launcher").getDomAttribute("aria-label"), "the page's English switch reaches the widget");
      Browser.screenshot(driver, "demo-product-en-1280x800");
      page.find(".launcher").click();
      page.waitVisible("textarea");
      page.find("textarea").sendKeys("Is the Guji in stock?", Keys.ENTER);

      page.waitText(".status", "You are in the queue");
      page.waitText(".notice", "You are next.");
      Browser.screenshot(driver, "widget-queued-en-1280x800");
      // One assignment in the window is too little for an honest estimate: the server says null, the widget says nothing.
      assertEquals("You are next.", page.textOf(".notice"));

      await(agentBus.request("agent.close", agent.token(), new JsonObject().put("conversationId", otherChat)));
      JsonObject assigned = await(agentBus.push(p -> "assigned".equals(p.getString("type"))
          && !otherChat.equals(p.getJsonObject("conversation").getString("id"))));
      String conversationId = assigned.getJsonObject("conversation").getString("id");
      page.waitText(".status", "Ben is here for you");
      page.waiting().until(d -> !page.visible(".notice"));

      page.find("textarea").sendKeys("Also");
      JsonObject typing = await(agentBus.push("typing"));
      assertEquals("visitor", typing.getString("from"));
      assertEquals(conversationId, typing.getString("conversationId"));

      // Ending asks first; Escape keeps chatting, and the keyboard alone can end it.
      page.find("header .end").click();
      page.waitText(".confirm", "End this chat?");
      assertEquals("button.link", page.focused(), "focus on the safe answer");
      new Actions(driver).sendKeys(Keys.ESCAPE).perform();
      page.waiting().until(d -> !page.visible(".confirm"));
      assertTrue(page.visible(".panel"), "Escape answers the question, it does not close the panel");
      assertEquals("button.end", page.focused());
      assertEquals("Ben is here for you", page.textOf(".status"), "still chatting");
      new Actions(driver).sendKeys(Keys.ENTER).perform();
      page.waitVisible(".confirm");
      new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      assertEquals("button.primary", page.focused());
      new Actions(driver).sendKeys(Keys.ENTER).perform();
      page.waitVisible(".rating");
      page.waitText(".status", "Chat ended");
      Browser.screenshot(driver, "widget-rating-en-1280x800");
      JsonObject closed = await(agentBus.push(p -> "closed".equals(p.getString("type")) && conversationId.equals(p.getString("conversationId"))));
      assertEquals("visitor", closed.getString("closedBy"));
      page.find("#plauder-rate-comment").sendKeys("Quick and <b>kind</b>");
      page.find(".stars button[aria-label='4 of 5 stars']").click();
      page.waitText(".rated", "Thank you for your rating!");
      JsonObject rated = await(agentBus.request("agent.history", agent.token(), new JsonObject().put("conversationId", conversationId)));
      assertEquals(4, rated.getJsonObject("conversation").getInteger("rating"));
      assertEquals("Quick and <b>kind</b>", await(node.http.get("/api/v1/conversations/" + conversationId + "/wrap-up")
          .bearerTokenAuthentication(agent.token()).send()).bodyAsJsonObject().getString("ratingComment"), "the comment went with the stars");
      assertEquals("Is the Guji in stock?", rated.getJsonArray("messages").getJsonObject(0).getString("text"));
    }
  }

  @Test
  void queuedVisitorIsOfferedTheFormWhenTheLastAgentGoesOffline() {
    Person agent = node.createAgent("Dora", 1);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    Person other = node.newVisitor();
    try (BridgeClient otherBus = node.bridge()) {
      otherBus.register("visitor." + other.id(), other.token());
      await(otherBus.request("visitor.requestChat", other.token(), new JsonObject()));

      driver = Browser.start(1280, 800);
      WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/kasse.html");
      page.find(".launcher").click();
      page.waitVisible("textarea");
      page.find("textarea").sendKeys("Kann ich per Rechnung zahlen?", Keys.ENTER);
      page.waitText(".notice", "Sie sind als Nächstes dran.");

      await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "offline")));
      page.waitVisible("form.offline");
      page.find("form.offline input[name=email]").sendKeys("kunde@example.org");
      page.find("form.offline textarea").sendKeys("Bitte um Rückruf wegen Rechnungskauf.");
      page.find("form.offline button[type=submit]").click();
      page.waitText(".left-message", "Danke!");

      Person admin = node.loginAdmin();
      JsonArray offline = await(node.http.get("/api/v1/conversations?status=offline").bearerTokenAuthentication(admin.token()).send())
          .bodyAsJsonObject().getJsonArray("conversations");
      assertEquals(1, offline.size());
      JsonArray queued = await(node.http.get("/api/v1/conversations?status=queued").bearerTokenAuthentication(admin.token()).send())
          .bodyAsJsonObject().getJsonArray("conversations");
      assertEquals(0, queued.size(), "the waiting chat is closed once the message is left: " + queued.encode() + " widget error: " + page.textOf(".error"));
    }
  }
}
