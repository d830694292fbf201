package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.dashboard.DashboardTriageTest.Guest;

/**
 * The dashboard for an agent whose browser speaks German, in headless Chromium against a real
 * node: every main view, its buttons, notices and errors in German, no English text of the string
 * table anywhere on them, every key of the table in both languages, and numbers and dates as
 * Germans write them — "3,5", "03.12.2026", a 24-hour clock, "wartet seit 2:15".
 */
class DashboardGermanTest extends DashboardBrowserTest {

  /**
   * Texts on the page (own text of visible elements, visible selects' options, placeholders,
   * titles, aria-labels) that are an English string of the table, as {key: text}; and the keys
   * English has and German lacks. English strings that are German too ("Chats", "Admin") do not count.
   */
  private static final String LEAKS = """
      const done = arguments[arguments.length - 1];
      import('/dashboard/js/strings.js').then(({ STRINGS }) => {
        const en = STRINGS.en, de = STRINGS.de;
        const german = new Set(Object.values(de));
        const escape = (text) => text.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
        const patterns = [];
        for (const [key, text] of Object.entries(en)) {
          if (german.has(text) || (text.replace(/\\{\\w+\\}/g, '').match(/[A-Za-z]/g) || []).length < 4) continue;
          patterns.push([key, new RegExp('^' + text.split(/\\{\\w+\\}/).map(escape).join('[^]*') + '$')]);
        }
        const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const texts = [];
        for (const el of document.querySelectorAll('body *')) {
          if (!shown(el)) continue;
          const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
          if (own) texts.push(own);
          for (const name of ['placeholder', 'title', 'aria-label']) if (el.getAttribute(name)) texts.push(el.getAttribute(name).trim());
          if (el.tagName === 'SELECT') for (const option of el.options) texts.push(option.textContent.trim());
        }
        const leaks = {};
        for (const text of texts) for (const [key, pattern] of patterns) if (pattern.test(text)) leaks[key] = text;
        done({ leaks, missing: Object.keys(en).filter((key) => !(key in de)), texts: texts.length });
      }, (error) => done({ error: String(error) }));
      """;

  @BeforeEach
  void inGerman() {
    browserInGerman();
  }

  @SuppressWarnings("unchecked")
  private void assertAllGerman(String where) {
    Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(LEAKS);
    assertEquals(null, result.get("error"), where);
    assertEquals(Map.of(), result.get("leaks"), "English on the German " + where);
    assertEquals(List.of(), result.get("missing"), "keys without German");
    assertTrue(((Number) result.get("texts")).intValue() >= ("login".equals(where) ? 4 : 10), "the check saw the page: " + result);
    Browser.screenshot(driver, "dashboard-de-" + where);
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  @Test
  void aGermanAgentReadsEveryViewInGermanWithGermanNumbersAndDates() {
    page.open();
    assertEquals("de", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertEquals("Anmelden", text("login-submit"));
    driver.findElement(By.id("login-email")).sendKeys(TestNode.ADMIN_EMAIL);
    driver.findElement(By.id("login-password")).sendKeys("falsch");
    driver.findElement(By.id("login-submit")).click();
    page.wait.until(ExpectedConditions.textToBe(By.id("login-error"), "E-Mail oder Passwort ist falsch."));
    assertAllGerman("login");

    driver.findElement(By.id("login-password")).clear();
    page.signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    DashboardTriageTest.setMaxChats(page, 1);
    Guest eva = DashboardTriageTest.guest(node, buses);
    String evasChat = eva.requestChat("Eva", "de", "Guten Tag, wo ist mein Paket?");
    page.waitForChatCount(1);
    Guest max = DashboardTriageTest.guest(node, buses);
    String maxsChat = max.requestChat("Max", "de", "Ich warte auch");

    // the queue: a German waiting time, and Take without a free slot says why in German
    By maxsRow = DashboardTriageTest.queueRow(maxsChat);
    page.wait.until(d -> d.findElement(maxsRow).findElement(By.cssSelector(".queue-wait")).getText().matches("wartet seit \\d+:\\d\\d"));
    page.take(maxsRow);
    page.wait.until(ExpectedConditions.textToBe(By.id("toast"), "Kein freier Chat-Platz — beende einen Chat oder erhöhe dein Limit."));

    // a message's time on the 24-hour clock
    page.select(evasChat);
    page.reply("Gern, ich sehe nach.");
    WebElement answer = page.waitForMessage("Gern, ich sehe nach.");
    page.wait.until(d -> answer.findElement(By.cssSelector(".message-time")).getText().matches("\\d{2}:\\d{2}"));
    assertAllGerman("chats");

    // on a phone, too
    driver.manage().window().setSize(new Dimension(360, 800));
    assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));
    Browser.screenshot(driver, "dashboard-de-chats-360");
    driver.manage().window().setSize(new Dimension(1280, 900));

    // two rated chats: 3 and 4 stars make an average of 3,5
    TestNode.Person admin = node.loginAdmin();
    BridgeClient agentBus = node.bridge();
    buses.add(agentBus);
    await(agentBus.request("agent.close", admin.token(), new JsonObject().put("conversationId", evasChat)));
    page.wait.until(ExpectedConditions.textToBe(By.id("toast"), "Chat beendet."));
    eva.rate(evasChat, 3);
    page.wait.until(ExpectedConditions.presenceOfElementLocated(page.chatItem(maxsChat))); // Max took the freed slot
    await(agentBus.request("agent.close", admin.token(), new JsonObject().put("conversationId", maxsChat)));
    max.rate(maxsChat, 4);
    page.waitForChatCount(0);

    // a new chat while the history is open: the notice in German
    page.showView("history");
    Guest kim = DashboardTriageTest.guest(node, buses);
    kim.requestChat("Kim", "de", "Hallo");
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Neuer Chat: Kim"));
    assertEquals("Öffnen", driver.findElement(By.cssSelector("#toast .toast-action")).getText());
    page.wait.until(d -> d.findElements(By.cssSelector("#history-list .chat-item")).size() >= 2);
    WebElement closed = driver.findElement(By.cssSelector("#history-list .chat-item"));
    assertTrue(closed.findElement(By.cssSelector(".chat-item-time")).getText().matches("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}"),
        closed.getText());
    closed.click();
    page.wait.until(d -> !d.findElements(By.cssSelector("#transcript-log .message")).isEmpty());
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("toast")));
    assertAllGerman("history");

    // its transcript downloaded as text reads German: German headings and dates, names instead of ids
    driver.executeScript("window.saved = []; const make = URL.createObjectURL;"
        + " URL.createObjectURL = (blob) => { blob.text().then((t) => window.saved.push(t)); return make(blob); };");
    driver.findElement(By.cssSelector("#transcript-downloads button[data-format='txt']")).click();
    page.wait.until(d -> ((Number) driver.executeScript("return window.saved.length")).intValue() > 0);
    String transcript = (String) driver.executeScript("return window.saved[0]");
    assertTrue(transcript.startsWith("Chatverlauf\n"), transcript);
    assertTrue(transcript.matches("(?s).*\nBesucher: (Eva|Max)\n.*"), transcript);
    assertTrue(transcript.matches("(?s).*\nBegonnen: \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}\n.*"), transcript);
    assertTrue(transcript.matches("(?s).*\nBewertung: [34]/5\n.*"), transcript);
    assertFalse(transcript.contains(evasChat) || transcript.contains(maxsChat), "no ids in a transcript for people");

    page.showView("reports");
    page.wait.until(ExpectedConditions.textToBe(By.id("figure-ratingAverage"), "3,5"));
    assertTrue(text("report-period").matches("\\d{2}\\.\\d{2}\\.\\d{4} – \\d{2}\\.\\d{2}\\.\\d{4}"), text("report-period"));
    assertAllGerman("reports");

    page.showView("visitors");
    assertAllGerman("visitors");
    page.showView("monitor");
    page.wait.until(d -> !d.findElements(By.cssSelector("#monitor-list li")).isEmpty());
    assertAllGerman("monitor");
    page.showView("admin");
    page.wait.until(d -> !d.findElements(By.cssSelector("#agents-body tr")).isEmpty());
    assertAllGerman("admin");
  }
}
