package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** The agent dashboard in real headless Chromium against a real node; visitors are driven over the bridge. */
class DashboardTest extends DashboardBrowserTest {

  private static final String BEA_EMAIL = "bea@shop.test";
  private static final String BEA_PASSWORD = "password-Bea";

  /** A visitor on its own bridge connection, registered on its inbox. */
  record Visitor(Person person, BridgeClient bus) {
    JsonObject request(String address, JsonObject body) {
      return await(bus.request(address, person.token(), body));
    }

    String requestChat(String name, String text) {
      JsonObject state = request("visitor.requestChat", new JsonObject().put("name", name).put("text", text)
          .put("clientMsgId", "first-" + name));
      return state.getJsonObject("conversation").getString("id");
    }

    void say(String conversationId, String text, String clientMsgId) {
      request("visitor.send", new JsonObject().put("conversationId", conversationId).put("text", text).put("clientMsgId", clientMsgId));
    }

    JsonObject awaitPush(String type, String conversationId) {
      return await(bus.push(p -> type.equals(p.getString("type")) && conversationIdOf(p).equals(conversationId)));
    }

    /** The next message an agent wrote in this chat (a visitor's own messages are pushed back to it too). */
    JsonObject awaitAgentMessage(String conversationId) {
      return await(bus.push(p -> "message".equals(p.getString("type"))
          && "agent".equals(p.getJsonObject("message").getString("sender"))
          && conversationId.equals(p.getJsonObject("message").getString("conversationId")))).getJsonObject("message");
    }

    private static String conversationIdOf(JsonObject push) {
      if (push.getJsonObject("message") != null) {
        return push.getJsonObject("message").getString("conversationId");
      }
      return push.getString("conversationId", "");
    }
  }

  Visitor visitor() {
    Person person = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register("visitor." + person.id(), person.token());
    return new Visitor(person, bus);
  }

  @Test
  void theStatusMenuWaitsForTheConnectionAndTheStatusChosenThenIsTheServers() {
    DashboardPage.createAgent(node, "Bea", BEA_EMAIL, 3);
    page.open();
    // before the connection is open a choice could not be sent, and the agent's record arriving would undo it
    assertEquals(Boolean.TRUE, driver.executeScript("return document.getElementById('status-select').disabled"));
    assertEquals(Boolean.TRUE, driver.executeScript("return document.getElementById('max-chats').disabled"));
    page.signIn(BEA_EMAIL, BEA_PASSWORD);
    page.setStatus("online");
    JsonObject bea = TestNode.await(node.http.get("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getJsonArray("agents").stream().map(JsonObject.class::cast)
        .filter(a -> BEA_EMAIL.equals(a.getString("email"))).findFirst().orElseThrow();
    assertEquals("online", bea.getString("status"), "the server has the status the menu shows");
    // a fresh page of the same session shows it from the server, not from the menu's last choice
    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("status-select"), "class", "online"));
    page.wait.until(ExpectedConditions.elementToBeClickable(By.id("status-select")));
  }

  @Test
  void agentAnswersParallelChatsTransfersOneAndClosesAnother() {
    String beaId = DashboardPage.createAgent(node, "Bea", BEA_EMAIL, 3);
    String cannedId = TestNode.await(node.http.post("/api/v1/canned-responses").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("title", "Versand").put("text", "Wir versenden innerhalb von 2 Tagen.")))
        .bodyAsJsonObject().getString("id");
    page.open().signIn(BEA_EMAIL, BEA_PASSWORD);
    page.setStatus("online");

    Visitor eva = visitor();
    Visitor max = visitor();
    String evaChat = eva.requestChat("Eva", "Hallo, wo ist meine Bestellung?");
    page.waitForChatCount(1);
    String maxChat = max.requestChat("Max", "Haben Sie das auch in Blau?");
    page.waitForChatCount(2);

    // the first chat is open; the second one counts what the visitor wrote
    page.wait.until(ExpectedConditions.attributeToBe(page.chatItem(evaChat), "aria-current", "true"));
    page.waitForMessage("Hallo, wo ist meine Bestellung?");
    page.waitForUnread(maxChat, 1);
    assertEquals(0, page.unread(evaChat));
    max.say(maxChat, "Hallo?", "max-2");
    page.waitForUnread(maxChat, 2);
    page.wait.until(d -> d.getTitle().equals("(2) Plauder"));

    page.reply("Sie ist unterwegs.");
    JsonObject atEva = eva.awaitAgentMessage(evaChat);
    assertEquals("Sie ist unterwegs.", atEva.getString("text"));
    assertEquals("agent", atEva.getString("sender"));
    assertEquals("Bea", atEva.getString("senderName"));
    WebElement mine = page.waitForMessage("Sie ist unterwegs.");
    page.wait.until(d -> !mine.findElements(By.cssSelector(".delivery.sent")).isEmpty());

    driver.findElement(By.id("composer-text")).sendKeys("Entwurf für Eva");
    page.select(maxChat);
    assertEquals("", driver.findElement(By.id("composer-text")).getDomProperty("value"), "each chat has its own draft");
    page.waitForUnread(maxChat, 0);
    page.waitForMessage("Hallo?");
    page.reply("Ja, in Blau und Grün.");
    assertEquals("Ja, in Blau und Grün.", max.awaitAgentMessage(maxChat).getString("text"));

    // Alt+↓ / Alt+↑ walk through the chats in the order they came
    driver.findElement(By.id("composer-text")).sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
    page.wait.until(ExpectedConditions.attributeToBe(page.chatItem(evaChat), "aria-current", "true"));
    assertEquals("Entwurf für Eva", driver.findElement(By.id("composer-text")).getDomProperty("value"));
    driver.findElement(By.id("composer-text")).sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
    page.wait.until(ExpectedConditions.attributeToBe(page.chatItem(maxChat), "aria-current", "true"));

    eva.say(evaChat, "Danke!", "eva-2");
    page.waitForUnread(evaChat, 1);
    page.wait.until(d -> d.getTitle().equals("(1) Plauder"));

    // a third chat whose text looks like HTML is shown as text, and typing shows both ways
    Visitor mallory = visitor();
    String malloryChat = mallory.requestChat("Mallory", "<img src=x onerror=alert(1)>");
    page.waitForChatCount(3);
    page.select(malloryChat);
    page.waitForMessage("<img src=x onerror=alert(1)>");
    assertTrue(driver.findElements(By.cssSelector("main img")).isEmpty(), "the visitor's text must not become an element");
    mallory.request("visitor.typing", new JsonObject().put("conversationId", malloryChat).put("typing", true));
    page.wait.until(d -> d.findElement(By.id("typing-indicator")).getText().contains("Mallory"));
    driver.findElement(By.id("composer-text")).sendKeys("Einen Moment");
    JsonObject typing = mallory.awaitPush("typing", malloryChat);
    assertEquals("agent", typing.getString("from"));
    assertTrue(typing.getBoolean("typing"));
    Path shot = Browser.screenshot(driver, "dashboard-three-chats");
    assertTrue(shot.toFile().length() > 10_000);

    // a canned response goes into the reply box and out like a typed reply
    WebElement box = driver.findElement(By.id("composer-text"));
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    new Select(driver.findElement(By.id("canned-select"))).selectByValue(cannedId);
    page.wait.until(d -> box.getDomProperty("value").equals("Wir versenden innerhalb von 2 Tagen."));
    box.sendKeys(Keys.ENTER);
    assertEquals("Wir versenden innerhalb von 2 Tagen.", mallory.awaitAgentMessage(malloryChat).getString("text"));
    // ... or by its shortcut: "/vers" and Tab
    box.sendKeys("/vers", Keys.TAB);
    page.wait.until(d -> box.getDomProperty("value").equals("Wir versenden innerhalb von 2 Tagen."));
    box.sendKeys(Keys.ENTER);
    assertEquals("Wir versenden innerhalb von 2 Tagen.", mallory.awaitAgentMessage(malloryChat).getString("text"));

    // transfer Max to Carl, who is online on his own connection
    Person carl = node.createAgent("Carl", 2);
    BridgeClient carlBus = node.bridge();
    buses.add(carlBus);
    carlBus.register("agent." + carl.id(), carl.token());
    await(carlBus.request("agent.status", carl.token(), new JsonObject().put("status", "online")));
    page.select(maxChat);
    // "Why me?" tells how Max's chat came to Bea: she was the one online with room, one chat busy
    driver.findElement(By.id("why-button")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("why-dialog")));
    page.wait.until(d -> !d.findElements(By.cssSelector("#why-steps .why-step")).isEmpty());
    String why = driver.findElement(By.id("why-steps")).getText();
    assertTrue(why.contains("to Bea: the fewest chats among those online with room"), why);
    assertTrue(why.contains("Considered: Bea (1 chats, 2 free)"), why);
    driver.findElement(By.id("why-close")).click();
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("why-dialog")));
    driver.findElement(By.id("transfer-button")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-dialog")));
    page.wait.until(d -> !d.findElements(By.cssSelector("#transfer-agent option[value='" + carl.id() + "']")).isEmpty());
    new Select(driver.findElement(By.id("transfer-agent"))).selectByValue(carl.id());
    driver.findElement(By.id("transfer-note")).sendKeys("Fragt nach Farben");
    driver.findElement(By.id("transfer-confirm")).click();
    JsonObject assigned = await(carlBus.push("assigned"));
    assertEquals(maxChat, assigned.getJsonObject("conversation").getString("id"));
    assertEquals(beaId, assigned.getJsonObject("transferredFrom").getString("id"));
    assertEquals("Fragt nach Farben", assigned.getString("note"));
    page.waitForChatCount(2);
    assertTrue(driver.findElements(page.chatItem(maxChat)).isEmpty());

    // close Eva's chat
    page.select(evaChat);
    driver.findElement(By.id("close-button")).click();
    page.wait.until(ExpectedConditions.elementToBeClickable(By.id("close-confirm"))).click();
    assertEquals("agent", eva.awaitPush("closed", evaChat).getString("closedBy"));
    page.waitForChatCount(1);
    page.wait.until(ExpectedConditions.attributeToBe(page.chatItem(malloryChat), "aria-current", "true"));

    // Alt+C asks first; Escape closes nothing (the chat still takes messages)
    driver.findElement(By.id("composer-text")).sendKeys(Keys.chord(Keys.ALT, "c"));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("close-dialog")));
    driver.findElement(By.id("close-cancel")).sendKeys(Keys.ESCAPE);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("close-dialog")));
    mallory.say(malloryChat, "Noch offen?", "mallory-2");
    page.waitForMessage("Noch offen?");
    assertEquals(1, page.chatItems().size());

    // the closed chat's transcript is in the history
    page.showView("history");
    By closedItem = By.cssSelector("#history-list .chat-item[data-conversation-id='" + evaChat + "']");
    page.wait.until(ExpectedConditions.elementToBeClickable(closedItem)).click();
    page.wait.until(d -> d.findElements(By.cssSelector("#transcript-log .message-text")).stream()
        .map(WebElement::getText).toList()
        .equals(List.of("Hallo, wo ist meine Bestellung?", "Sie ist unterwegs.", "Danke!")));
    Browser.screenshot(driver, "dashboard-history");

    // when the visitor leaves, the chat stays readable until the agent removes it
    page.showView("chats");
    mallory.request("visitor.close", new JsonObject().put("conversationId", malloryChat));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dismiss-button")));
    assertFalse(driver.findElement(By.id("composer")).isDisplayed());
    assertTrue(driver.findElement(By.id("chat-ended")).isDisplayed());
    page.waitForMessage("Noch offen?");
    Browser.screenshot(driver, "dashboard-ended");
    driver.findElement(By.id("dismiss-button")).click();
    page.waitForChatCount(0);
  }

  @Test
  void queueShowsWaitingVisitorsAndRaisingMaxChatsTakesThem() {
    DashboardPage.createAgent(node, "Bea", BEA_EMAIL, 1);
    page.open().signIn(BEA_EMAIL, BEA_PASSWORD);
    page.setStatus("online");

    String first = visitor().requestChat("Eva", "Erste");
    page.waitForChatCount(1);
    Visitor waiting = visitor();
    String queued = waiting.requestChat("Max", "Ich warte");
    By queueItem = By.cssSelector("#queue-list .queue-item[data-conversation-id='" + queued + "']");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(queueItem));
    page.wait.until(d -> d.findElement(queueItem).findElement(By.cssSelector(".queue-wait")).getText().matches(".*\\d+:\\d\\d.*"));

    // no free slot: the server refuses and the dashboard says so
    page.take(queueItem);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toast.error")));

    WebElement maxChats = driver.findElement(By.id("max-chats"));
    maxChats.clear();
    maxChats.sendKeys("2\t");
    JsonObject assigned = waiting.awaitPush("assigned", "");
    assertEquals(queued, assigned.getJsonObject("conversation").getString("id"));
    page.waitForChatCount(2);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(queueItem));
    assertFalse(driver.findElements(page.chatItem(first)).isEmpty());

    // narrow screens: everything still reachable
    for (int[] size : new int[][] {{768, 900}, {390, 844}}) {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
      page.select(queued);
      assertTrue(driver.findElement(By.id("composer-text")).isDisplayed());
      assertTrue(driver.findElement(By.id("close-button")).isDisplayed());
      Browser.screenshot(driver, "dashboard-" + size[0]);
    }
  }

  @Test
  void adminCreatesAnAgentWhoCanThenSignIn() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    String snippet = driver.findElement(By.id("embed-snippet")).getText();
    assertEquals("<script src=\"" + node.origin() + "/widget.js\" data-site=\"demo\" async></script>", snippet);

    driver.findElement(By.id("agent-name")).sendKeys("Dora");
    driver.findElement(By.id("agent-email")).sendKeys("dora@shop.test");
    driver.findElement(By.id("agent-password")).sendKeys("dora-secret-1");
    WebElement maxChats = driver.findElement(By.id("agent-max"));
    maxChats.clear();
    maxChats.sendKeys("4");
    driver.findElement(By.id("agent-create")).click();
    page.wait.until(d -> d.findElements(By.cssSelector("#agents-body tr")).stream()
        .anyMatch(row -> row.getText().contains("dora@shop.test")));
    page.wait.until(ExpectedConditions.attributeContains(By.id("agent-form-result"), "class", "ok"));

    driver.findElement(By.id("canned-title-input")).sendKeys("Gruß");
    driver.findElement(By.id("canned-text-input")).sendKeys("Einen schönen Tag noch!");
    driver.findElement(By.id("canned-add")).click();
    page.wait.until(d -> d.findElements(By.cssSelector("#canned-list .canned-item")).stream()
        .anyMatch(item -> item.getText().contains("Einen schönen Tag noch!")));
    Browser.screenshot(driver, "dashboard-admin");

    // disable Dora from her row: she cannot sign in; enable her again and give her five chats
    By doraRow = By.xpath("//tbody[@id='agents-body']/tr[td[2][text()='dora@shop.test']]");
    driver.findElement(doraRow).findElement(By.cssSelector("button.disable")).click();
    page.wait.until(d -> !d.findElement(doraRow).findElements(By.cssSelector("button.enable")).isEmpty());
    var refused = await(node.http.post("/api/v1/agents/login")
        .sendJsonObject(new JsonObject().put("email", "dora@shop.test").put("password", "dora-secret-1")));
    assertEquals(403, refused.statusCode());
    driver.findElement(doraRow).findElement(By.cssSelector("button.enable")).click();
    page.wait.until(d -> !d.findElement(doraRow).findElements(By.cssSelector("button.disable")).isEmpty());
    WebElement doraMax = driver.findElement(doraRow).findElement(By.cssSelector("input.row-max"));
    doraMax.sendKeys(Keys.chord(Keys.CONTROL, "a"), "5", Keys.TAB);
    page.wait.until(d -> d.findElement(doraRow).findElement(By.cssSelector("input.row-max")).getDomProperty("value").equals("5")
        && d.findElement(doraRow).getText().contains("0/5"));

    page.signOut();
    page.signIn("dora@shop.test", "dora-secret-1");
    assertEquals("Dora", driver.findElement(By.id("me-name")).getText());
    assertFalse(driver.findElement(By.id("tab-admin")).isDisplayed(), "an agent sees no admin view");
    assertEquals("5", driver.findElement(By.id("max-chats")).getDomProperty("value"));
    page.wait.until(d -> d.findElements(By.cssSelector("#canned-select option")).stream().anyMatch(o -> "Gruß".equals(o.getDomProperty("textContent"))));

    // "?" opens the shortcut help, Escape closes it
    driver.findElement(By.tagName("body")).sendKeys("?");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-dialog")));
    assertTrue(driver.findElements(By.cssSelector("#shortcut-list dt")).size() >= 8);
    Browser.screenshot(driver, "dashboard-help");
    driver.findElement(By.id("help-dialog")).sendKeys(Keys.ESCAPE);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("help-dialog")));
  }
}
