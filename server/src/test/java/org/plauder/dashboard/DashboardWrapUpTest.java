package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/**
 * Wrapping up in the dashboard, in real headless Chromium: an agent tags a chat and writes an
 * internal note in the chat view with the keyboard, finds the chat in history by tag and by the
 * note, on a phone too; an admin reads the trend per day (chart and table), the channels, the tags
 * and the rating comments, and downloads the report as CSV.
 */
class DashboardWrapUpTest extends DashboardBrowserTest {

  private static final String BEA_EMAIL = "bea@shop.test";
  private static final String NOTE = "Rückruf am Freitag vereinbart";

  private Person visitorChat(String text) {
    Person eva = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register("visitor." + eva.id(), eva.token());
    String chat = await(bus.request("visitor.requestChat", eva.token(), new JsonObject().put("text", text).put("clientMsgId", "e-1")))
        .getJsonObject("conversation").getString("id");
    return new Person(chat, eva.token());
  }

  private List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  @Test
  void anAgentTagsAndNotesAChatAndFindsItInHistoryByTagAndByNote() {
    DashboardPage.createAgent(node, "Bea", BEA_EMAIL, 3);
    page.open().signIn(BEA_EMAIL, "password-Bea");
    page.setStatus("online");
    String chat = visitorChat("Ich möchte zurückgeben").id();
    page.select(chat);

    // The panel is a <details>: opened with the keyboard, a tag added with Enter, a note with Ctrl+Enter.
    WebElement summary = driver.findElement(By.id("chat-wrapup-summary"));
    driver.executeScript("arguments[0].focus()", summary);
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    page.wait.until(d -> d.findElement(By.id("chat-wrapup-tag-input")).isDisplayed());
    driver.findElement(By.id("chat-wrapup-tag-input")).sendKeys("  Rückgabe ", Keys.ENTER);
    page.wait.until(d -> texts("#chat-wrapup-tags .tag-name").equals(List.of("rückgabe")));
    driver.findElement(By.id("chat-wrapup-tag-input")).sendKeys("Versehen", Keys.ENTER);
    page.wait.until(d -> texts("#chat-wrapup-tags .tag-name").size() == 2);
    driver.findElement(By.cssSelector("#chat-wrapup-tags li:nth-child(2) .tag-remove")).click();
    page.wait.until(d -> texts("#chat-wrapup-tags .tag-name").equals(List.of("rückgabe")));
    driver.findElement(By.id("chat-wrapup-tag-input")).sendKeys("<b>", Keys.ENTER);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-wrapup-error")));
    assertEquals(List.of("rückgabe"), texts("#chat-wrapup-tags .tag-name"), "a refused tag changes nothing");
    driver.findElement(By.id("chat-wrapup-note-text")).sendKeys(NOTE, Keys.chord(Keys.CONTROL, Keys.ENTER));
    page.wait.until(d -> texts("#chat-wrapup-notes .wrapup-note-text").equals(List.of(NOTE)));
    assertTrue(driver.findElement(By.id("chat-wrapup-summary")).getText().contains("1"), "the summary counts");
    assertTrue(texts("#message-log .message-text").stream().noneMatch(t -> t.contains(NOTE)), "a note is no message");
    Browser.screenshot(driver, "dashboard-wrapup-chat");

    Person bea = node.login(BEA_EMAIL, "password-Bea");
    await(node.http.post("/api/v1/conversations/" + chat + "/tags").bearerTokenAuthentication(bea.token())
        .sendJsonObject(new JsonObject().put("tag", "versand")));
    BridgeClient beaBus = node.bridge();
    buses.add(beaBus);
    await(beaBus.request("agent.close", bea.token(), new JsonObject().put("conversationId", chat)));

    // History: by tag (suggested from the tags in use), then by the note's text.
    page.showView("history");
    By item = By.cssSelector("#history-list button[data-conversation-id='" + chat + "']");
    page.wait.until(ExpectedConditions.presenceOfElementLocated(item));
    page.wait.until(d -> d.findElements(By.cssSelector("#tag-suggestions option")).stream().map(o -> o.getDomProperty("value")).toList()
        .equals(List.of("rückgabe", "versand")));
    driver.findElement(By.id("history-tag")).sendKeys("RÜCKGABE", Keys.ENTER);
    page.wait.until(d -> d.findElement(By.id("history-count")).isDisplayed());
    assertEquals(1, driver.findElements(By.cssSelector("#history-list button")).size());
    driver.findElement(item).click();
    page.wait.until(d -> texts("#history-wrapup-notes .wrapup-note-text").equals(List.of(NOTE)));
    assertEquals(List.of("rückgabe", "versand"), texts("#history-wrapup-tags .tag-name"));
    driver.findElement(By.id("history-tag")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "kein-solcher", Keys.ENTER);
    page.wait.until(d -> d.findElements(By.cssSelector("#history-list button")).isEmpty());
    driver.findElement(By.id("history-reset")).click();
    driver.findElement(By.id("history-q")).sendKeys("freitag", Keys.ENTER);
    page.wait.until(d -> d.findElements(By.cssSelector("#history-list button .note-badge")).size() == 1);
    assertTrue(driver.findElement(item).getText().contains("Freitag"), driver.findElement(item).getText());

    // On a 360 px phone the panel fits: nothing wider than the screen, the fields reachable.
    driver.manage().window().setSize(new Dimension(360, 740));
    driver.findElement(item).click();
    WebElement panel = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-wrapup")));
    driver.executeScript("arguments[0].scrollIntoView()", panel);
    Number overflow = (Number) driver.executeScript("const p = arguments[0]; return p.scrollWidth - p.clientWidth;", panel);
    assertEquals(0, overflow.intValue(), "no sideways scrolling in the panel");
    Number right = (Number) driver.executeScript("return document.getElementById('history-wrapup-tag-input').getBoundingClientRect().right;");
    assertTrue(right.doubleValue() <= 360, "the tag field is on the screen: " + right);
    Browser.screenshot(driver, "dashboard-wrapup-history-360");
  }

  @Test
  void anAdminReadsTheTrendChannelsTagsAndCommentsAndDownloadsTheCsv() {
    Person bea = node.createAgent("Bea", 3);
    BridgeClient beaBus = node.bridge();
    buses.add(beaBus);
    beaBus.register("agent." + bea.id(), bea.token());
    await(beaBus.request("agent.status", bea.token(), new JsonObject().put("status", "online")));
    Person chat = visitorChat("Wo ist mein Paket?");
    await(beaBus.request("agent.send", bea.token(), new JsonObject().put("conversationId", chat.id()).put("text", "Unterwegs.")
        .put("clientMsgId", "a-1")));
    await(node.http.post("/api/v1/conversations/" + chat.id() + "/tags").bearerTokenAuthentication(bea.token())
        .sendJsonObject(new JsonObject().put("tag", "versand")));
    await(beaBus.request("agent.close", bea.token(), new JsonObject().put("conversationId", chat.id())));
    BridgeClient evaBus = node.bridge();
    buses.add(evaBus);
    await(evaBus.request("visitor.rate", chat.token(), new JsonObject().put("conversationId", chat.id()).put("rating", 5)
        .put("comment", "Super <b>schnell</b>")));

    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("reports");
    page.wait.until(d -> "1".equals(d.findElement(By.id("figure-chats")).getText()));
    // four charts over the period's days (seven, or eight when the browser's zone is not the site's), a point a day for conversations
    assertEquals(4, driver.findElements(By.cssSelector("#trend-charts figure svg.line-chart")).size());
    int days = driver.findElements(By.cssSelector("#trend-charts figure[data-figure='chats'] circle.trend-point")).size();
    assertTrue(days == 7 || days == 8, "points: " + days);
    assertEquals(1, driver.findElements(By.cssSelector("#trend-charts figure[data-figure='ratingAverage'] circle.trend-point")).size());
    // the table alternative opens from the keyboard
    WebElement tableSummary = driver.findElement(By.cssSelector(".trend-table summary"));
    driver.executeScript("arguments[0].focus()", tableSummary);
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    page.wait.until(d -> d.findElement(By.id("trend-table")).isDisplayed());
    assertEquals(days, driver.findElements(By.cssSelector("#trend-days tr")).size());
    assertTrue(texts("#trend-days tr td:nth-child(2)").contains("1"));
    assertEquals(List.of("1", "0"), texts("#report-channels tr td:nth-child(2)"));
    assertEquals(List.of("versand"), texts("#report-tags th"));
    assertEquals(List.of("Super <b>schnell</b>"), texts("#report-comments .report-comment-text"), "the comment is text, not HTML");
    assertFalse(driver.findElement(By.id("report-no-comments")).isDisplayed());
    Browser.screenshot(driver, "dashboard-reports-trend");

    // The CSV for Excel: the Blob the page hands to the browser starts with a byte-order mark.
    driver.executeScript("window.savedCsv = null; const made = URL.createObjectURL; URL.createObjectURL = (blob) => {"
        + " blob.arrayBuffer().then((bytes) => { window.savedCsv = JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)); });"
        + " return made(blob); };");
    driver.findElement(By.id("report-csv-excel")).click();
    // as JSON, so that the WebDriver's string transfer cannot touch its line ends
    String saved = page.wait.until(d -> (String) driver.executeScript("return window.savedCsv;"));
    String csv = (String) io.vertx.core.json.Json.decodeValue(saved);
    assertTrue(csv.startsWith("\uFEFFfigure,value\r\n"), csv);
    assertTrue(csv.contains("\r\ntag,conversations\r\nversand,1\r\n"), csv);
  }
}
