package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.plauder.Browser;
import org.plauder.TestNode;

/** The emoji picker, by keyboard on a phone: the chosen emoji goes in at the cursor and reaches the agent as written. */
class WidgetEmojiTest extends WidgetBrowserTest {

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @Test
  void anEmojiChosenByKeyboardGoesInAtTheCursorAndReachesTheAgent() {
    TestNode.OnlineAgent anna = node.onlineAgent("Anna", 3);
    agentBus = anna.bus();
    driver = Browser.start(360, 740);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitVisible("textarea");
    page.find("textarea").sendKeys("Danke ");

    page.find(".emoji-toggle").sendKeys(Keys.ENTER);
    page.waitVisible(".emoji-grid");
    assertEquals("true", page.find(".emoji-toggle").getDomAttribute("aria-expanded"));
    assertEquals("button.", page.focused(), "focus on the first emoji");
    Browser.screenshot(driver, "widget-emoji-phone");
    // down a row, then right twice: the 11th emoji, 👍 (the grid is 8 wide)
    page.find(".emoji-grid button:nth-child(1)").sendKeys(Keys.ARROW_DOWN);
    page.find(".emoji-grid button:nth-child(9)").sendKeys(Keys.ARROW_RIGHT);
    page.find(".emoji-grid button:nth-child(10)").sendKeys(Keys.ARROW_RIGHT);
    page.find(".emoji-grid button:nth-child(11)").sendKeys(Keys.ENTER);
    page.waiting().until(d -> !page.visible(".emoji-grid"));
    assertEquals("textarea.", page.focused(), "back in the text box");
    page.find("textarea").sendKeys("!", Keys.ENTER);

    String chat = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    JsonObject history = await(agentBus.request("agent.history", anna.person().token(), new JsonObject().put("conversationId", chat)));
    assertEquals("Danke 👍!", history.getJsonArray("messages").getJsonObject(0).getString("text"));
  }
}
