package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/**
 * Self-service in headless Chromium: articles suggested while the visitor writes, read inside the
 * widget; the FAQ bot answering first, settled with "That answers it" or handed to a person whose
 * dashboard shows the bot's exchange above the chat.
 */
class WidgetSelfServiceTest extends WidgetBrowserTest {

  private ChromeDriver dashboard;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @AfterEach
  void closeDashboard() {
    if (dashboard != null) {
      dashboard.quit();
    }
  }

  private void botFirst() {
    assertEquals(200, await(node.http.put("/api/v1/bot").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("mode", "first"))).statusCode());
  }

  private Person agentOnline() {
    Person agent = node.createAgent("Anna", 2);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    return agent;
  }

  private WidgetPage openWidget(int width, int height) {
    driver = Browser.start(width, height);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitVisible(".panel");
    page.waitText(".status", "Schreiben Sie uns");
    return page;
  }

  @Test
  void aVisitorTypingAboutShippingSeesTheShippingArticleAndReadsItInsideTheWidgetOnAPhone() {
    agentOnline();
    WidgetPage page = openWidget(360, 740);
    page.find("textarea").sendKeys("Wie lange dauert der Versand?");
    page.waitText(".suggest", "Versand und Lieferzeiten");
    assertTrue(page.findAll(".suggest-list li").size() <= 3, "at most three suggestions");
    assertEquals(0, page.countInShadow(".log li"), "nothing was sent: the suggestions come before the first message");

    // By keyboard: Shift+Tab from the composer (past its attach and emoji buttons) reaches the suggestions, Enter opens one.
    String focusedTitle = "var f = document.getElementById('plauder-widget').shadowRoot.activeElement;"
        + " var t = f && f.querySelector('.suggest-title'); return t ? t.textContent : '';";
    for (int presses = 0; presses < 12 && !"Versand und Lieferzeiten".equals(page.js(focusedTitle)); presses++) {
      new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }
    assertEquals("Versand und Lieferzeiten", page.js(focusedTitle));
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    page.waitText(".article h3", "Versand und Lieferzeiten");
    page.waitText(".article-body", "Werktag");
    assertEquals("h3.", page.focused(), "focus moves to the article's heading");
    assertFalse(page.visible("textarea"), "the article has the panel's room");
    assertTrue(((Number) page.js("var a = document.getElementById('plauder-widget').shadowRoot.querySelector('.article');"
        + " return a.scrollWidth - a.clientWidth;")).intValue() <= 0, "nothing sticks out sideways on a 360 px phone");
    assertTrue(((Number) page.js("return document.getElementById('plauder-widget').shadowRoot.querySelector('.article')"
        + ".getBoundingClientRect().right;")).doubleValue() <= 360);
    Browser.screenshot(driver, "widget-article-phone-360");

    page.find(".article .back").click();
    page.waiting().until(d -> !page.visible(".article"));
    assertEquals("Wie lange dauert der Versand?", page.find("textarea").getDomProperty("value"), "what was typed is still there");
    assertTrue(page.focused().startsWith("button"), "focus is back on the suggestion: " + page.focused());

    // Escape closes an article too; then the message goes out and the suggestions go away.
    page.find(".suggest-list button").click();
    page.waitVisible(".article h3");
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    page.waiting().until(d -> !page.visible(".article"));
    assertTrue(page.visible(".panel"), "Escape in the article goes back to the chat, not out of the panel");
  }

  @Test
  void aVisitorWhoseQuestionTheBotAnswersClicksThatAnswersItAndTheChatCountsSelfServed() {
    botFirst();
    agentOnline();
    WidgetPage page = openWidget(1280, 800);
    page.find("textarea").sendKeys("Wie lange dauert der Versand?", Keys.ENTER);
    page.waitText(".log li.bot", "Versand und Lieferzeiten");
    page.waitText(".log li.bot .meta", "Hilfe-Bot");
    page.waitText(".status", "Automatische Antwort");
    page.waitText(".bot-choice", "Das hilft mir");
    assertTrue(page.find(".log li.bot .bubble a").getDomAttribute("href").contains("/help/demo/"), "the article is a link");
    Browser.screenshot(driver, "widget-bot-answer");

    page.find(".log li.bot .bubble a").click();
    page.waitText(".article h3", "Versand");
    page.find(".article .back").click();
    page.waitVisible(".bot-choice");

    page.find(".bot-choice .primary").click();
    page.waitText(".bot-thanks", "Schön, dass wir helfen konnten");
    assertFalse(page.visible(".rating"), "nobody to rate");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> await(node.http.get("/api/v1/reports?from=" + today + "&to=" + tomorrow)
        .bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject().getJsonObject("site").getInteger("selfServed") == 1);
  }

  @Test
  void aVisitorWhoClicksTalkToAPersonReachesTheAgentWhoseDashboardShowsTheBotExchangeAbove() {
    botFirst();
    String email = "ben@test.local";
    assertEquals(201, await(node.http.post("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("email", email).put("password", "password-Ben").put("name", "Ben").put("maxChats", 2)))
        .statusCode());
    dashboard = Browser.start(1280, 800);
    WebDriverWait wait = new WebDriverWait(dashboard, Duration.ofSeconds(20));
    dashboard.get(node.origin() + "/dashboard/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    dashboard.findElement(By.id("login-email")).sendKeys(email);
    dashboard.findElement(By.id("login-password")).sendKeys("password-Ben");
    dashboard.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("status-select")))).selectByValue("online");
    wait.until(ExpectedConditions.attributeContains(By.id("status-select"), "class", "online"));

    WidgetPage page = openWidget(1280, 800);
    page.find("textarea").sendKeys("Kann ich mit PayPal zahlen?", Keys.ENTER);
    page.waitText(".bot-choice", "Mit einem Menschen sprechen");
    assertTrue(dashboard.findElements(By.cssSelector("#chat-list .chat-item")).isEmpty(), "the agent does not see the held chat");

    page.find(".bot-choice .secondary").click();
    page.waitText(".status", "Ben ist für Sie da");
    assertFalse(page.visible(".bot-choice"));

    wait.until(d -> d.findElements(By.cssSelector("#chat-list .chat-item")).size() == 1);
    dashboard.findElement(By.cssSelector("#chat-list .chat-item")).click();
    wait.until(d -> d.findElements(By.cssSelector("#message-log .message")).size() == 2);
    List<WebElement> messages = dashboard.findElements(By.cssSelector("#message-log .message"));
    assertEquals("Kann ich mit PayPal zahlen?", messages.get(0).findElement(By.cssSelector(".message-text")).getText());
    assertTrue(messages.get(1).getDomAttribute("class").contains("from-bot"), "the bot's answer comes second, as the bot's");
    assertTrue(messages.get(1).findElement(By.cssSelector(".message-sender")).getText().contains("Hilfe-Bot"));
    assertTrue(messages.get(1).findElement(By.cssSelector(".message-text")).getText().contains("Zahlungsarten"));
    Browser.screenshot(dashboard, "dashboard-bot-exchange");

    dashboard.findElement(By.id("composer-text")).sendKeys("Ja, PayPal geht.", Keys.ENTER);
    page.waitText(".log", "Ja, PayPal geht.");
  }
}
