package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/**
 * The last agent online goes offline with a visitor chatting, each side in its own headless
 * Chromium: the dashboard asks first ("1 visitor is chatting with you"), the agent keeps the chat
 * (keyboard only), and the German widget says so and offers the leave-a-message form, whose message
 * then carries the chat for the agents — also on a 360 px phone.
 */
class WidgetAgentLeftTest extends WidgetWithDashboardTest {

  @Test
  void theLastAgentLeavingAsksFirstAndTheVisitorLeavesAMessageWithItsChat() {
    AgentDashboard dashboard = AgentDashboard.ofAdmin(node);
    agentDriver = dashboard.driver();
    WebDriverWait agentWait = dashboard.waiting();
    dashboard.setStatus("online");

    WidgetPage page = chatInWidget(360, 740, "Hallo, mein Paket ist nicht angekommen.");
    agentWait.until(d -> d.findElements(By.cssSelector("#chat-list .chat-item")).size() == 1);

    // Offline with a chat open: asked first; "Stay online" is one of the answers, Escape another.
    new Select(agentDriver.findElement(By.id("status-select"))).selectByValue("offline");
    agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-dialog")));
    assertEquals("1 visitor is chatting with you", agentDriver.findElement(By.id("leave-title")).getText());
    assertEquals("leave-hand-over", agentDriver.switchTo().activeElement().getDomAttribute("id"));
    agentDriver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    agentWait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("leave-dialog")));
    agentWait.until(ExpectedConditions.attributeContains(By.id("status-select"), "class", "online"));

    new Select(agentDriver.findElement(By.id("status-select"))).selectByValue("offline");
    agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-dialog")));
    agentDriver.switchTo().activeElement().sendKeys(Keys.TAB);
    assertEquals("leave-keep", agentDriver.switchTo().activeElement().getDomAttribute("id"));
    agentDriver.switchTo().activeElement().sendKeys(Keys.ENTER);
    agentWait.until(ExpectedConditions.attributeContains(By.id("status-select"), "class", "offline"));
    agentWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "kept: 1"));

    // The visitor is told, in German, and offered the form; its chat goes with the message.
    page.waitText(".offline-intro", "Admin ist nicht mehr erreichbar");
    page.waitText(".offline-attached", "Ihr bisheriger Chat wird mit der Nachricht geschickt.");
    page.find(".offline input[name=email]").sendKeys("eva@example.org");
    page.find(".offline textarea").sendKeys("Bitte melden Sie sich per E-Mail.");
    page.waiting().withMessage("the form within 360 px").until(d -> Boolean.TRUE.equals(page.js(
        "var f = document.getElementById('plauder-widget').shadowRoot.querySelector('.offline').getBoundingClientRect();"
            + " return f.left >= 0 && f.right <= document.documentElement.clientWidth;")));
    Browser.screenshot(driver, "widget-agent-left-360");
    page.find(".offline button[type=submit]").sendKeys(Keys.ENTER);
    page.waitVisible(".left-message");

    Person admin = node.loginAdmin();
    JsonArray offline = TestNode.await(node.http.get("/api/v1/conversations").addQueryParam("status", "offline")
        .bearerTokenAuthentication(admin.token()).send()).bodyAsJsonObject().getJsonArray("conversations");
    assertEquals(1, offline.size());
    BridgeClient adminBus = node.bridge();
    try {
      JsonArray messages = TestNode.await(adminBus.request("agent.history", admin.token(),
          new JsonObject().put("conversationId", offline.getJsonObject(0).getString("id")))).getJsonArray("messages");
      assertEquals("Bitte melden Sie sich per E-Mail.", messages.getJsonObject(0).getString("text"));
      assertTrue(messages.getJsonObject(1).getString("text").contains("Hallo, mein Paket ist nicht angekommen."),
          messages.encodePrettily());
    } finally {
      adminBus.close();
    }
    Browser.screenshot(agentDriver, "dashboard-after-leaving");
  }

  @Test
  void anAgentWhoComesBackAndWritesBringsTheVisitorBackFromTheFormToTheChat() {
    AgentDashboard dashboard = AgentDashboard.ofAdmin(node);
    agentDriver = dashboard.driver();
    WebDriverWait agentWait = dashboard.waiting();
    dashboard.setStatus("online");
    WidgetPage page = chatInWidget(1280, 800, "Hallo?");
    agentWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#chat-list button.chat-item"))).click();

    new Select(agentDriver.findElement(By.id("status-select"))).selectByValue("away");
    agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leave-keep"))).click();
    agentWait.until(ExpectedConditions.attributeContains(By.id("status-select"), "class", "away"));
    page.waitText(".offline-intro", "Admin ist nicht mehr erreichbar");

    dashboard.setStatus("online");
    agentDriver.findElement(By.id("composer-text")).sendKeys("Entschuldigung, ich bin wieder da.", Keys.ENTER);
    page.waitText(".log li.agent .bubble", "Entschuldigung, ich bin wieder da.");
    page.waiting().until(d -> !page.visible(".offline"));
    assertTrue(page.visible("textarea"), "the composer is back");
  }
}
