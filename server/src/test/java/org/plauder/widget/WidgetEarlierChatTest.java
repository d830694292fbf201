package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** A returning visitor (same browser, new session, no open chat) sees its last, ended conversation read-only. */
class WidgetEarlierChatTest extends WidgetBrowserTest {

  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @Test
  void returningVisitorSeesTheLastConversationAboveANewChat() {
    Person agent = node.createAgent("Anna", 3);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));

    // First visit: a chat of six messages, which the agent closes.
    driver = Browser.start(1280, 800);
    String firstTab = driver.getWindowHandle();
    WidgetPage first = new WidgetPage(driver).load(node.origin() + "/demo/");
    first.find(".launcher").click();
    first.waitText(".status", "Schreiben Sie uns");
    assertFalse(first.visible(".earlier"), "a first-time visitor has no earlier conversation");
    first.find("textarea").sendKeys("Welches Filterpapier passt?", Keys.ENTER);
    String oldChat = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    List<String> agentTexts = List.of("Größe 4 passt.", "Ungebleicht schmeckt neutraler.", HOSTILE, "Noch etwas?");
    for (int i = 0; i < agentTexts.size(); i++) {
      await(agentBus.request("agent.send", agent.token(), new JsonObject()
          .put("conversationId", oldChat).put("text", agentTexts.get(i)).put("clientMsgId", "a-" + i)));
    }
    first.waitText(".log", "Noch etwas?");
    first.find("textarea").sendKeys("Nein, danke!", Keys.ENTER);
    first.waiting().until(d -> first.bubbles().size() == 6);
    String visitor = visitorId(first);
    assertNotNull(visitor);
    await(agentBus.request("agent.close", agent.token(), new JsonObject().put("conversationId", oldChat)));
    first.waitText(".status", "Chat beendet");

    // Later: a new tab (own sessionStorage, same localStorage), the old one gone, no chat open.
    driver.switchTo().newWindow(WindowType.TAB);
    String laterTab = driver.getWindowHandle();
    driver.switchTo().window(firstTab).close();
    driver.switchTo().window(laterTab);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/produkt.html");
    assertNull(page.js("return sessionStorage.getItem('plauder.demo.open');"), "a fresh session");
    assertEquals(visitor, visitorId(page), "the same visitor (its token from localStorage)");
    assertFalse(page.visible(".panel"), "the panel starts closed in the new session");
    page.find(".launcher").click();
    page.waitText(".earlier h3", "Ihr letztes Gespräch");
    page.waitText(".status", "Schreiben Sie uns");
    assertTrue(page.visible(".empty"), "the start of a new chat is still there, below");
    assertFalse(page.textOf(".earlier-date").isBlank(), "the earlier chat's day");
    assertEquals(List.of(), page.bubbles(), "the earlier chat is not the current transcript");
    assertEquals(List.of(HOSTILE, "Noch etwas?", "Nein, danke!"), earlierBubbles(page), "collapsed: its last messages");
    assertEquals("3 frühere Nachrichten zeigen", page.textOf(".earlier-toggle"));
    assertEquals("false", page.find(".earlier-toggle").getDomAttribute("aria-expanded"));

    // Keyboard: Shift+Tab from the composer, past the emoji button, reaches the toggle; Enter expands it.
    assertEquals("textarea.", page.focused());
    page.find("textarea").sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertEquals("button.emoji-toggle", page.focused());
    page.find(".emoji-toggle").sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertEquals("button.link earlier-toggle", page.focused());
    page.find(".earlier-toggle").sendKeys(Keys.ENTER);
    page.waiting().withMessage("expanded").until(d -> earlierBubbles(page).size() == 6);
    assertEquals(List.of("Welches Filterpapier passt?", "Größe 4 passt.", "Ungebleicht schmeckt neutraler.", HOSTILE,
        "Noch etwas?", "Nein, danke!"), earlierBubbles(page));
    assertEquals("Weniger zeigen", page.textOf(".earlier-toggle"));
    assertEquals("true", page.find(".earlier-toggle").getDomAttribute("aria-expanded"));
    assertEquals(0, page.countInShadow("img"), "agent text stays text");
    assertEquals(0, page.countInShadow(".earlier li.sending"));

    driver.manage().window().setSize(new Dimension(360, 740));
    page.waiting().withMessage("full-screen panel on a phone").until(d ->
        (Boolean) page.js("var r = document.getElementById('plauder-widget').shadowRoot.querySelector('.panel').getBoundingClientRect();"
            + " return r.left <= 0 && r.width >= document.documentElement.clientWidth;"));
    assertTrue((Boolean) page.js("var b = document.getElementById('plauder-widget').shadowRoot.querySelector('.body');"
        + " return b.scrollWidth <= b.clientWidth;"), "nothing wider than a phone");
    Browser.screenshot(driver, "widget-earlier-360x740");

    // A new chat: a new conversation with only the new message; the earlier one folds to its heading.
    page.find("textarea").sendKeys("Habt ihr auch Größe 2?", Keys.ENTER);
    JsonObject assigned = await(agentBus.push(p -> "assigned".equals(p.getString("type"))
        && !oldChat.equals(p.getJsonObject("conversation").getString("id"))));
    String newChat = assigned.getJsonObject("conversation").getString("id");
    assertNotEquals(oldChat, newChat);
    page.waitText(".status", "Anna ist für Sie da");
    await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", newChat).put("text", "Ja, auch die.").put("clientMsgId", "b-1")));
    page.waiting().until(d -> page.bubbles().size() == 2);
    assertEquals(List.of("Habt ihr auch Größe 2?", "Ja, auch die."), page.bubbles());
    JsonArray stored = await(agentBus.request("agent.history", agent.token(), new JsonObject().put("conversationId", newChat)))
        .getJsonArray("messages");
    assertEquals(2, stored.size(), "nothing of the earlier chat is sent again: " + stored.encode());
    JsonArray old = await(agentBus.request("agent.history", agent.token(), new JsonObject().put("conversationId", oldChat)))
        .getJsonArray("messages");
    assertEquals(6, old.size(), "the earlier chat got nothing new: " + old.encode());
    assertTrue(page.visible(".earlier h3"), "the earlier chat's heading stays above");
    page.waiting().withMessage("folded while chatting").until(d -> earlierBubbles(page).isEmpty());
    assertEquals("6 frühere Nachrichten zeigen", page.textOf(".earlier-toggle"));

    // Another page of the shop during the new chat: the chat comes back, the earlier one stays folded above it.
    page.load(node.origin() + "/demo/");
    page.waitVisible(".panel");
    page.waiting().until(d -> page.bubbles().size() == 2);
    page.waitText(".earlier h3", "Ihr letztes Gespräch");
    assertEquals(List.of(), earlierBubbles(page));
    page.find(".earlier-toggle").click();
    page.waiting().withMessage("expandable again").until(d -> earlierBubbles(page).size() == 6);
    assertEquals(List.of("Habt ihr auch Größe 2?", "Ja, auch die."), page.bubbles());
  }

  /** The visitor id in the token the widget keeps in localStorage (a fresh mint renews the token, not the id). */
  private static String visitorId(WidgetPage page) {
    return (String) page.js("var t = localStorage.getItem('plauder.demo.token');"
        + " return t ? JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub : null;");
  }

  @SuppressWarnings("unchecked")
  private static List<String> earlierBubbles(WidgetPage page) {
    return (List<String>) page.js("return Array.from(document.getElementById('plauder-widget').shadowRoot"
        + ".querySelectorAll('.earlier-list li .bubble')).map(function (b) { return b.textContent; });");
  }
}
