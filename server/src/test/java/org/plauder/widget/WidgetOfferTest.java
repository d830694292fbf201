package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** Proactive offers in the widget: a bubble above the launcher after the dwell, accepted or dismissed. */
class WidgetOfferTest extends WidgetBrowserTest {

  static final String OFFER_DE = TestNode.CHECKOUT_OFFER_DE;

  Person agent;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    TestNode.OnlineAgent anna = node.onlineAgent("Anna", 2);
    agent = anna.person();
    agentBus = anna.bus();
    node.saveCheckoutOfferRule();
  }

  JsonObject stats() {
    return node.checkoutOfferStats();
  }

  @Test
  void theOfferBubbleAppearsAfterTheDwellAndChatNowOpensTheChatWithTheOfferText() {
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).beforeEveryPage(
        "window.Plauder = function () { (window.Plauder.q = window.Plauder.q || []).push(arguments); };"
            + "window.Plauder('on', 'offer', function (o) { window.offersSeen = (window.offersSeen || []).concat([o.text]); });");
    long start = System.nanoTime();
    page.load(node.origin() + "/demo/kasse.html");
    assertFalse(page.visible(".offer"), "no offer before a second on the page");
    page.waitVisible(".offer");
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 1000, "the offer waits for the dwell time");
    assertEquals(OFFER_DE, page.textOf(".offer-text"));
    assertEquals("dialog", page.find(".offer").getDomAttribute("role"));
    assertEquals("Wir helfen gern", page.textOf("#" + page.find(".offer").getDomAttribute("aria-labelledby")), "the bubble has a label");
    assertEquals(List.of(OFFER_DE), page.js("return window.offersSeen;"), "Plauder('on', 'offer') hears of it");
    assertFalse(page.visible(".panel"));
    // The widget told the server its language with the page view: the offer came in German.
    JsonObject seen = await(agentBus.request("agent.visitors", agent.token(), new JsonObject())).getJsonArray("visitors").getJsonObject(0);
    assertEquals("de", seen.getString("language"));
    assertTrue(seen.getBoolean("offerOpen"));
    Browser.screenshot(driver, "widget-offer-1280x800");

    driver.manage().window().setSize(new Dimension(360, 740));
    page.waiting().withMessage("the bubble fits a 360 px phone").until(d -> (Boolean) page.js(
        "var r = document.getElementById('plauder-widget').shadowRoot.querySelector('.offer').getBoundingClientRect();"
            + " return r.width > 200 && r.left >= 0 && r.right <= document.documentElement.clientWidth && r.top >= 0;"));
    Browser.screenshot(driver, "widget-offer-360x740");

    // The bubble is still there on the next page, and its buttons are reachable by keyboard.
    page.load(node.origin() + "/demo/kasse.html");
    page.waitVisible(".offer");
    page.js("document.getElementById('plauder-widget').shadowRoot.querySelector('.offer .primary').focus();");
    assertEquals("button.primary", page.focused());
    page.find(".offer .primary").sendKeys(org.openqa.selenium.Keys.ENTER);

    JsonObject assigned = await(agentBus.push("assigned"));
    String conversationId = assigned.getJsonObject("conversation").getString("id");
    page.waitVisible(".panel");
    page.waiting().until(d -> !page.visible(".offer"));
    page.waitText(".log", OFFER_DE);
    assertEquals(OFFER_DE, page.bubbles().get(0), "the offer text is the chat's first message");
    assertEquals("system", page.find(".log li").getDomAttribute("class"), "shown as a system message");
    page.waitText(".status", "Anna ist für Sie da");
    assertEquals("textarea.", page.focused(), "focus goes to the composer");
    Browser.screenshot(driver, "widget-offer-accepted-360x740");

    page.find("textarea").sendKeys("Ja, bitte: geht auch PayPal?", org.openqa.selenium.Keys.ENTER);
    JsonObject atAgent = await(agentBus.push(p -> "message".equals(p.getString("type"))
        && "visitor".equals(p.getJsonObject("message").getString("sender"))));
    assertEquals(conversationId, atAgent.getJsonObject("message").getString("conversationId"));
    assertEquals(2, atAgent.getJsonObject("message").getLong("seq"));
    assertEquals(1, stats().getInteger("accepted"));
  }

  @Test
  void anOfferHeldBackWhileThePanelIsOpenCountsAsShownOnlyOnceTheBubbleAppears() {
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).beforeEveryPage(
        "window.Plauder = function () { (window.Plauder.q = window.Plauder.q || []).push(arguments); };"
            + "if (!sessionStorage.getItem('opened')) { sessionStorage.setItem('opened', '1'); window.Plauder('open'); }");
    page.load(node.origin() + "/demo/kasse.html"); // the panel open from the start, on the first page only
    page.waitVisible(".panel");
    page.waiting().withMessage("the offer reached the widget").until(d -> page.js("return sessionStorage.getItem('plauder.demo.offer');") != null);
    assertFalse(page.visible(".offer"), "held back while the panel is open");
    assertEquals(0, stats().getInteger("shown", 0), "arrived but not displayed: not shown");

    page.find(".panel header .x").click();
    page.waitVisible(".offer");
    page.waiting().withMessage("counted once the bubble is on screen").until(d -> stats().getInteger("shown", 0) == 1);
    page.load(node.origin() + "/demo/kasse.html");
    page.waitVisible(".offer");
    page.find(".offer .x").click();
    page.waiting().withMessage("the dismissal is counted").until(d -> stats().getInteger("dismissed", 0) == 1);
    assertEquals(1, stats().getInteger("shown"), "shown again on the next page: still one offer shown");
  }

  @Test
  void aDismissedOfferGoesAwayAndDoesNotComeBackOnReload() throws Exception {
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/kasse.html");
    page.waitVisible(".offer");
    page.find(".offer .x").click();
    page.waiting().until(d -> !page.visible(".offer"));
    assertEquals("button.launcher", page.focused(), "focus does not get lost with the bubble");
    page.waiting().withMessage("the server counts the dismissal").until(d -> stats().getInteger("dismissed") == 1);

    page.load(node.origin() + "/demo/kasse.html");
    Thread.sleep(2500); // longer than the dwell: a new offer would be here by now
    assertFalse(page.visible(".offer"), "a dismissed offer does not come back within the cooldown");
    assertEquals(new JsonObject().put("shown", 1).put("accepted", 0).put("dismissed", 1), stats());
  }

  @Test
  void anOfferAnsweredInOneTabLeavesNoBubbleInTheOther() {
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver);
    String tabA = driver.getWindowHandle();
    page.load(node.origin() + "/demo/"); // no rule offers here: the agent invites
    waitConnected(page);
    String tabB = driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
    page.load(node.origin() + "/demo/");
    waitConnected(page);
    String visitorId = page.waiting().withMessage("the visitor is online").until(d -> {
      JsonArray visitors = await(agentBus.request("agent.visitors", agent.token(), new JsonObject())).getJsonArray("visitors");
      return visitors.isEmpty() ? null : visitors.getJsonObject(0).getString("visitorId");
    });

    // Dismissed in tab A: the bubble goes in tab B too, and does not come back from its session.
    invite(visitorId, "Darf ich helfen?");
    page.waitText(".offer-text", "Darf ich helfen?");
    driver.switchTo().window(tabA);
    page.waitText(".offer-text", "Darf ich helfen?");
    page.find(".offer .x").click();
    driver.switchTo().window(tabB);
    page.waiting().withMessage("the bubble in the other tab goes").until(d -> !page.visible(".offer"));
    assertEquals(null, page.js("return sessionStorage.getItem('plauder.demo.offer');"));

    // Accepted in tab B: the bubble in tab A goes, and the chat is the one the agent invited to.
    invite(visitorId, "Noch eine Frage?");
    page.waitText(".offer-text", "Noch eine Frage?");
    driver.switchTo().window(tabA);
    page.waitText(".offer-text", "Noch eine Frage?");
    driver.switchTo().window(tabB);
    page.find(".offer .primary").click();
    page.waitText(".log", "Noch eine Frage?");
    driver.switchTo().window(tabA);
    page.waiting().withMessage("the bubble in the other tab goes").until(d -> !page.visible(".offer"));
    assertEquals(null, page.js("return sessionStorage.getItem('plauder.demo.offer');"));
    page.load(node.origin() + "/demo/");
    assertFalse(page.visible(".offer"), "nor does it come back on the next page");
    assertEquals(new JsonObject().put("shown", 2).put("accepted", 1).put("dismissed", 1),
        await(node.http.get("/api/v1/offer-rules").bearerTokenAuthentication(node.loginAdmin().token()).send())
            .bodyAsJsonObject().getJsonObject("invitations"));
  }

  /** The panel is closed: its status line says whether the widget is connected. */
  static void waitConnected(WidgetPage page) {
    page.waiting().withMessage(() -> "connected, status: " + page.textOf(".status"))
        .until(d -> page.textOf(".status").startsWith("Schreiben Sie uns"));
  }

  void invite(String visitorId, String text) {
    await(agentBus.request("agent.invite", agent.token(), new JsonObject().put("visitorId", visitorId).put("text", text)));
  }
}
