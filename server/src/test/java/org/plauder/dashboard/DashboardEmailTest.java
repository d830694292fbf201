package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestMailServer.CUSTOMER;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.TestNode.Person;

/**
 * The e-mail channel in the dashboard: an e-mail conversation beside a chat, answered by e-mail,
 * with its work status shown and set by keyboard; a left message answered by e-mail, and the
 * customer's reply, which says what it follows up and opens it.
 */
class DashboardEmailTest extends DashboardMailTest {

  static final String ANNA_EMAIL = "anna@test.local";
  static final String ANNA_PASSWORD = "password-Anna";

  @Test
  void anEmailConversationStandsBesideAChatShowsItsHtmlInertAndIsAnsweredByEmail() throws Exception {
    String chat = onlineWithAChat();

    mail.connect(node);
    mail.customerWritesHtml("Lieferung", "<p>Wo ist <b>mein</b> <a href=\"https://track.example/123\">Paket</a>?</p>"
        + "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
        + "<p><a href=\"javascript:document.title='pwned'\">Klick</a></p>");
    page.waitForChatCount(2);

    String email = otherThan(chat);
    assertEquals(1, countIn(email, ".badge.channel-email"), "marked as e-mail");
    assertEquals(0, countIn(chat, ".badge.channel-email"), "the chat is not");
    page.select(email);
    WebElement message = page.waitForMessage("Lieferung\n\nWo ist mein Paket (https://track.example/123)?\nKlick");
    assertEquals(List.of("https://track.example/123"), hrefsIn(message), "the web address a link; the script link only its word");
    assertTrue(driver.findElement(By.id("chat-meta")).getText().contains(CUSTOMER));
    assertTrue(driver.findElements(By.cssSelector("#message-log img, #message-log script, #message-log b")).isEmpty());
    assertFalse(driver.getTitle().contains("pwned"));
    driver.findElement(By.id("mails-button")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mails-dialog")));
    assertEquals("Wo ist mein Paket (https://track.example/123)?\nKlick", driver.findElement(By.cssSelector("#mails-list pre")).getText(),
        "the mail as it came, as text");
    assertEquals(List.of("https://track.example/123"), hrefsIn(driver.findElement(By.cssSelector("#mails-list pre"))),
        "its web address a link there too");
    driver.findElement(By.id("mails-close")).click();

    page.reply("Es kommt morgen.");
    page.waitForMessage("Es kommt morgen.");
    assertTrue(mail.mail.waitForIncomingEmail(15_000, 2));
    MimeMessage answer = mail.customerMails().get(0);
    assertEquals("Re: Lieferung", answer.getSubject());
    assertTrue(GreenMailUtil.getBody(answer).contains("Es kommt morgen."));
  }

  @Test
  void aLeftMessageIsAnsweredByEmailFromTheHistoryAndTheReplyShowsWhatItFollowsUp() throws Exception {
    mail.connect(node);
    BridgeClient bus = node.bridge();
    buses.add(bus);
    Person visitor = node.newVisitor();
    String left = await(bus.request("visitor.leaveMessage", visitor.token(), new JsonObject().put("name", "Eva Muster")
        .put("email", CUSTOMER).put("text", "Haben Sie Größe 42?").put("clientMsgId", "left-1"))).getString("conversationId");
    DashboardPage.createAgent(node, "Anna", ANNA_EMAIL, 3);
    page.open().signIn(ANNA_EMAIL, ANNA_PASSWORD);

    page.showView("history");
    driver.findElement(By.id("history-offline")).click();
    By items = By.cssSelector("#history-list .chat-item");
    page.wait.until(d -> d.findElements(items).size() == 1);
    driver.findElements(items).get(0).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-answer")));
    assertTrue(driver.findElement(By.id("email-answer-to")).getText().contains(CUSTOMER));
    driver.findElement(By.id("email-answer-text")).sendKeys("Ja, Größe 42 ist da.");
    driver.findElement(By.id("email-answer-send")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("email-answer-result"), "class", "ok"));
    page.wait.until(d -> d.findElements(By.cssSelector("#transcript-log .message")).size() == 2);

    assertTrue(mail.mail.waitForIncomingEmail(15_000, 1));
    MimeMessage answer = mail.customerMails().get(0);
    assertTrue(GreenMailUtil.getBody(answer).contains("42 ist da"));

    // the customer's reply: an e-mail conversation that says what it follows up and opens it
    mail.customerWrites("Re: " + answer.getSubject(), "Dann bestelle ich sie.", answer);
    page.showView("chats");
    page.setStatus("online");
    page.waitForChatCount(1);
    page.select(page.chatItems().get(0).getDomAttribute("data-conversation-id"));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-follows")));
    String line = driver.findElement(By.id("chat-follows-text")).getText();
    assertTrue(line.startsWith("Follows up the message left on ") && line.contains(String.valueOf(LocalDate.now().getYear())), line);
    Browser.screenshot(driver, "dashboard-email-follows-up");
    press(By.id("chat-follows-read"));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript-dialog")));
    page.wait.until(d -> d.findElements(By.cssSelector("#dialog-transcript-log .message-text")).stream()
        .map(WebElement::getText).toList().equals(java.util.List.of("Haben Sie Größe 42?", "Ja, Größe 42 ist da.")));
    driver.findElement(By.id("transcript-dialog-close")).click();
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("transcript-dialog")));
    page.wait.until(d -> d.findElements(By.cssSelector("#visitor-conversations li")).stream()
        .anyMatch(item -> left.equals(item.getDomAttribute("data-conversation-id"))));
  }

  @Test
  void anEmailConversationShowsItsStatusBesideAChatAndTheKeyboardSetsIt() throws Exception {
    String chat = onlineWithAChat();
    mail.connect(node);
    mail.customerWrites("Umtausch", "Kann ich die Jacke umtauschen?", null);
    page.waitForChatCount(2);
    String email = otherThan(chat);

    assertEquals("Open", statusInList(email));
    assertEquals(0, countIn(chat, ".work-status"), "a chat has no work status");
    page.select(email);
    page.wait.until(ExpectedConditions.textToBe(By.id("chat-status"), "Open"));
    assertFalse(driver.findElement(By.id("close-button")).isDisplayed(), "an e-mail conversation is resolved, not closed");

    driver.findElement(By.id("composer-text")).sendKeys("Ja, innerhalb von 30 Tagen. Welche Größe?");
    press(By.id("send-pending-button"));
    page.waitForMessage("Ja, innerhalb von 30 Tagen. Welche Größe?");
    page.wait.until(ExpectedConditions.textToBe(By.id("chat-status"), "Pending"));
    page.wait.until(d -> "Pending".equals(statusInList(email)));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-parked")));
    assertFalse(driver.findElement(By.id("composer")).isDisplayed(), "no replies while it waits for the customer");
    assertTrue(mail.mail.waitForIncomingEmail(15_000, 2));
    MimeMessage answer = mail.customerMails().get(0);
    assertTrue(String.valueOf(answer.getContent()).contains("Welche Größe?"));

    press(By.id("status-snooze"));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("snooze-dialog")));
    WebElement day = driver.findElement(By.id("snooze-date"));
    assertEquals(driver.switchTo().activeElement(), day, "the day field has the focus");
    assertTrue(day.getDomProperty("value").matches("\\d{4}-\\d{2}-\\d{2}"), "tomorrow, as English dates are written: " + day.getDomProperty("value"));
    day.sendKeys(Keys.ARROW_UP); // the day after tomorrow
    WebElement time = driver.findElement(By.id("snooze-time"));
    assertEquals("09:00", time.getDomProperty("value"));
    time.clear();
    time.sendKeys("25:00");
    press(By.id("snooze-confirm"));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("snooze-error")));
    assertEquals("\"Time\" is not a time of day: write it as HH:MM, e.g. 09:00 or 17:30.", driver.findElement(By.id("snooze-error")).getText());
    assertEquals("true", time.getDomAttribute("aria-invalid"));
    assertTrue(driver.findElement(By.id("snooze-dialog")).isDisplayed(), "nothing was sent");
    time.clear();
    time.sendKeys("10:30");
    press(By.id("snooze-confirm"));
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("snooze-dialog")));
    page.wait.until(d -> "Snoozed".equals(statusInList(email)));
    assertTrue(lookAtList(d -> d.findElement(By.cssSelector(page.chatItemCss(email) + " .work-status")).getDomAttribute("title"))
        .startsWith("Snoozed until"));
    assertTrue(driver.findElement(By.id("chat-status")).getText().startsWith("Snoozed until"));
    assertTrue(driver.findElement(By.id("chat-status")).getText().contains("10:30"), driver.findElement(By.id("chat-status")).getText());
    assertEquals(1, countIn(email, ".ws-snoozed"));
    driver.manage().window().setSize(new Dimension(360, 800));
    page.wait.until(d -> (Boolean) driver.executeScript("return window.innerWidth <= 360"));
    assertTrue((Boolean) driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
        "the status and its buttons fit a 360 px phone without scrolling sideways");
    assertTrue(driver.findElement(By.id("status-open")).isDisplayed() && driver.findElement(By.id("status-resolve")).isDisplayed());
    Browser.screenshot(driver, "dashboard-email-snoozed-360");
    driver.manage().window().setSize(new Dimension(1280, 800));

    mail.customerWrites("Re: Umtausch", "Größe M, bitte.", answer);
    page.waitForMessage("Größe M, bitte.");
    page.wait.until(d -> "Open".equals(statusInList(email)));
    page.wait.until(ExpectedConditions.textToBe(By.id("chat-status"), "Open"));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("composer")));

    press(By.id("status-resolve"));
    page.waitForChatCount(1);
    assertEquals(chat, page.chatItems().get(0).getDomAttribute("data-conversation-id"), "the chat stays");
  }

  @Test
  void aGermanAgentWhoseEmailSlotIsFullReadsWhySheCannotOpenAPendingEmailAgain() throws Exception {
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("maxEmails", 1))).statusCode());
    browserInGerman();
    DashboardPage.createAgent(node, "Anna", ANNA_EMAIL, 3);
    page.open().signIn(ANNA_EMAIL, ANNA_PASSWORD);
    page.setStatus("online");
    mail.connect(node);
    mail.customerWrites("Umtausch", "Kann ich die Jacke umtauschen?", null);
    page.waitForChatCount(1);
    String first = page.chatItems().get(0).getDomAttribute("data-conversation-id");
    page.select(first);
    press(By.id("status-pending"));
    page.wait.until(d -> "Wartet auf Kunden".equals(statusInList(first)));
    MimeMessage second = mail.draft("max@kunde.test", "Max Muster", "Rechnung");
    second.setText("Wo ist meine Rechnung?", "UTF-8");
    Transport.send(second);
    page.waitForChatCount(2); // the second e-mail took her one e-mail slot; her three chat slots are free

    page.select(first);
    press(By.id("status-open"));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("toast")));
    assertEquals("Alle deine E-Mail-Plätze sind belegt — erledige eine E-Mail oder setz eine auf „Wartet auf Kunden“, "
        + "oder bitte einen Admin um mehr.", driver.findElement(By.id("toast")).getText());
    assertEquals("Wartet auf Kunden", statusInList(first), "it stays pending");
  }

  /** Anna signed in and online, with one chat from the widget in her list: its id. */
  private String onlineWithAChat() {
    DashboardPage.createAgent(node, "Anna", ANNA_EMAIL, 3);
    page.open().signIn(ANNA_EMAIL, ANNA_PASSWORD);
    page.setStatus("online");
    BridgeClient bus = node.bridge();
    buses.add(bus);
    String chat = await(bus.request("visitor.requestChat", node.newVisitor().token(), new JsonObject()
        .put("name", "Chat-Kunde").put("text", "Hallo aus dem Chat").put("clientMsgId", "c-1"))).getJsonObject("conversation").getString("id");
    page.waitForChatCount(1);
    return chat;
  }

  /** The conversation in the list that is not {@code chat}. */
  private String otherThan(String chat) {
    return page.wait.until(d -> page.chatItems().stream().map(i -> i.getDomAttribute("data-conversation-id"))
        .filter(id -> !chat.equals(id)).findFirst().orElse(null));
  }

  /** The status badge's text in the chat list ("" without one). */
  private String statusInList(String conversationId) {
    return lookAtList(d -> d.findElements(By.cssSelector(page.chatItemCss(conversationId) + " .work-status")).stream()
        .map(WebElement::getText).findFirst().orElse(""));
  }

  /** How many elements matching {@code css} the conversation's row in the chat list has. */
  private int countIn(String conversationId, String css) {
    return lookAtList(d -> d.findElement(page.chatItem(conversationId)).findElements(By.cssSelector(css)).size());
  }

  /** A look at the chat list, which is redrawn on every push: a look at a row just replaced is taken again. */
  private <T> T lookAtList(java.util.function.Function<WebDriver, T> look) {
    return page.wait.until(d -> {
      try {
        return look.apply(d);
      } catch (StaleElementReferenceException redrawn) {
        return null;
      }
    });
  }

  /** Moves the focus to the button and presses Enter, as a keyboard user does. */
  private void press(By button) {
    WebElement element = page.wait.until(ExpectedConditions.elementToBeClickable(button));
    driver.executeScript("arguments[0].focus();", element);
    element.sendKeys(Keys.ENTER);
  }

  private static List<String> hrefsIn(WebElement area) {
    return area.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")).toList();
  }
}
