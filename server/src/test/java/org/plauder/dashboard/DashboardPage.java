package org.plauder.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plauder.TestNode;

/** The agent dashboard as a test drives it: by element ids and data attributes, never by translated text. */
final class DashboardPage {

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final TestNode node;

  DashboardPage(ChromeDriver driver, TestNode node) {
    this.driver = driver;
    this.node = node;
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    // lists are redrawn on every push, so an element found a moment ago may be gone: look again
    wait.ignoring(StaleElementReferenceException.class);
    this.wait = wait;
  }

  /** Creates an agent of the demo site with a known e-mail and password, through the admin REST API. */
  static String createAgent(TestNode node, String name, String email, int maxChats) {
    HttpResponse<Buffer> response = TestNode.await(node.http.post("/api/v1/agents")
        .bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("email", email).put("password", "password-" + name)
            .put("name", name).put("maxChats", maxChats)));
    if (response.statusCode() != 201) {
      throw new AssertionError("creating agent failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("id");
  }

  DashboardPage open() {
    driver.get(node.origin() + "/dashboard/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    return this;
  }

  /** Signs in and waits until the bridge is connected and the first state has arrived. */
  DashboardPage signIn(String email, String password) {
    WebElement emailField = driver.findElement(By.id("login-email"));
    emailField.clear();
    emailField.sendKeys(email);
    driver.findElement(By.id("login-password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    wait.until(d -> !d.findElement(By.id("max-chats")).getDomProperty("value").isEmpty());
    return this;
  }

  /** Signs out; the page reloads, so the old document is waited out before the login form counts. */
  void signOut() {
    WebElement oldApp = driver.findElement(By.id("app-view"));
    driver.findElement(By.id("logout")).click();
    WebDriverWait reload = new WebDriverWait(driver, Duration.ofSeconds(15));
    // while the document is replaced, the driver may answer with transient inspector errors
    reload.ignoring(WebDriverException.class);
    reload.until(ExpectedConditions.stalenessOf(oldApp));
    reload.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
  }

  void setStatus(String status) {
    // usable once the connection is open and the agent's record came through it
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("status-select")))).selectByValue(status);
    wait.until(ExpectedConditions.attributeContains(By.id("status-select"), "class", status));
  }

  List<WebElement> chatItems() {
    return driver.findElements(By.cssSelector("#chat-list .chat-item"));
  }

  void waitForChatCount(int count) {
    wait.until(d -> chatItems().size() == count);
  }

  By chatItem(String conversationId) {
    return By.cssSelector(chatItemCss(conversationId));
  }

  String chatItemCss(String conversationId) {
    return "#chat-list .chat-item[data-conversation-id='" + conversationId + "']";
  }

  /** The unread badge of a chat in the list, 0 when it has none. */
  int unread(String conversationId) {
    List<WebElement> badges = driver.findElement(chatItem(conversationId)).findElements(By.cssSelector(".badge.unread"));
    return badges.isEmpty() ? 0 : Integer.parseInt(badges.get(0).getText().trim());
  }

  void waitForUnread(String conversationId, int count) {
    wait.until(d -> unread(conversationId) == count);
  }

  void select(String conversationId) {
    // the list is redrawn on every push: a row found a moment ago may be replaced before the click
    wait.until(d -> {
      d.findElement(chatItem(conversationId)).click();
      return true;
    });
    wait.until(ExpectedConditions.attributeToBe(chatItem(conversationId), "aria-current", "true"));
  }

  void reply(String text) {
    WebElement box = driver.findElement(By.id("composer-text"));
    box.sendKeys(text);
    box.sendKeys(Keys.ENTER);
  }

  /** Waits for a message with exactly this text in the open chat and returns its element. */
  /** Clicks Take on a queue row: the queue is drawn again with each queue push, so a row found a moment ago may be gone. */
  void take(By queueRow) {
    wait.until(d -> {
      d.findElement(queueRow).findElement(By.cssSelector("button.take")).click();
      return true;
    });
  }

  WebElement waitForMessage(String text) {
    return wait.until(d -> d.findElements(By.cssSelector("#message-log .message")).stream()
        .filter(m -> m.findElement(By.cssSelector(".message-text")).getText().equals(text))
        .findFirst().orElse(null));
  }

  void showView(String view) {
    driver.findElement(By.id("tab-" + view)).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(view + "-view")));
  }
}
