package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;

/**
 * Triage in headless Chromium against a real node: a waiting visitor's row says what they wrote
 * first (as text), on which page, in which language and for how long, also on a 360 px phone.
 */
class DashboardTriageTest extends DashboardBrowserTest {

  private static final String KASSE = "http://localhost/demo/kasse.html";

  /** A visitor of the demo site on its own bridge connection. */
  record Guest(TestNode.Person person, BridgeClient bus) {

    void onPage(String url, String title) {
      await(bus.request("visitor.pageView", person.token(), new JsonObject().put("url", url).put("title", title)));
    }

    void rate(String conversationId, int rating) {
      await(bus.request("visitor.rate", person.token(), new JsonObject().put("conversationId", conversationId).put("rating", rating)));
    }

    String requestChat(String name, String language, String text) {
      return await(bus.request("visitor.requestChat", person.token(), new JsonObject().put("name", name).put("language", language)
          .put("text", text).put("clientMsgId", name + "-1"))).getJsonObject("conversation").getString("id");
    }

    /** A message into the visitor's open chat. */
    void send(String text, String clientMsgId) {
      String chat = await(bus.request("visitor.requestChat", person.token(), new JsonObject())).getJsonObject("conversation").getString("id");
      await(bus.request("visitor.send", person.token(), new JsonObject().put("conversationId", chat).put("text", text)
          .put("clientMsgId", clientMsgId)));
    }
  }

  Guest guest() {
    return guest(node, buses);
  }

  /** A new visitor of the node's demo site, its connection closed with the test's others. */
  static Guest guest(TestNode node, java.util.List<BridgeClient> buses) {
    TestNode.Person person = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register("visitor." + person.id(), person.token());
    return new Guest(person, bus);
  }

  void setMaxChats(int maxChats) {
    setMaxChats(page, maxChats);
  }

  static void setMaxChats(DashboardPage page, int maxChats) {
    WebElement field = page.driver.findElement(By.id("max-chats"));
    field.clear();
    field.sendKeys(maxChats + "\t");
    page.wait.until(d -> d.findElement(By.id("load")).getText().endsWith("/" + maxChats));
  }

  static By queueRow(String conversationId) {
    return By.cssSelector("#queue-list .queue-item[data-conversation-id='" + conversationId + "']");
  }

  @Test
  void aWaitingVisitorsRowShowsFirstWordsPageLanguageAndATickingTimer() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    setMaxChats(0);

    // Eva came and asked 2 min 15 s ago, by the server's clock
    clock.skip(Duration.ofSeconds(-135));
    Guest eva = guest();
    eva.onPage(KASSE, "Kasse");
    String chat = eva.requestChat("Eva", "de", "Zahlen  mit <b>Rechnung</b>\n<img src=x onerror=\"document.title='pwned'\"> geht das?");
    clock.skip(Duration.ofSeconds(135));

    By row = queueRow(chat);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    page.wait.until(d -> !d.findElements(By.cssSelector("#queue-list .queue-preview")).isEmpty());
    WebElement item = driver.findElement(row);
    assertEquals("Zahlen mit <b>Rechnung</b> <img src=x onerror=\"document.title='pwned'\"> geht das?",
        item.findElement(By.cssSelector(".queue-preview")).getText(), "the first words, as text on one line");
    assertTrue(driver.findElements(By.cssSelector("#queue-list b, #queue-list img")).isEmpty(), "nothing of it became markup");
    WebElement pageLine = item.findElement(By.cssSelector(".queue-page"));
    assertEquals("on Kasse", pageLine.getText());
    assertEquals(KASSE, pageLine.getDomAttribute("title"));
    assertEquals("DE", item.findElement(By.cssSelector(".queue-needs")).getText());

    Pattern timer = Pattern.compile("waiting for (\\d+):(\\d\\d)");
    String first = page.wait.until(d -> {
      String text = d.findElement(row).findElement(By.cssSelector(".queue-wait")).getText();
      return timer.matcher(text).matches() ? text : null;
    });
    Matcher m = timer.matcher(first);
    assertTrue(m.matches() && Integer.parseInt(m.group(1)) >= 2, "waiting since the chat began: " + first);
    page.wait.until(d -> !d.findElement(row).findElement(By.cssSelector(".queue-wait")).getText().equals(first));

    // on a phone the row still fits, and Take is a button in reach
    driver.manage().window().setSize(new Dimension(360, 800));
    WebElement take = driver.findElement(row).findElement(By.cssSelector("button.take"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", take);
    assertTrue(take.isDisplayed());
    assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
        "nothing sticks out sideways");
    Browser.screenshot(driver, "dashboard-queue-row-360");
    assertEquals("Plauder", driver.getTitle().replaceFirst("^\\(\\d+\\) ", ""));
  }

  private java.util.List<String> chatOrder() {
    return page.chatItems().stream().map(i -> i.getDomAttribute("data-conversation-id")).toList();
  }

  @Test
  void theChatListSortsByLongestWaitingAndRemembersItPerAgent() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    setMaxChats(3);
    Guest eva = guest();
    String evasChat = eva.requestChat("Eva", "de", "Hallo, eine Frage");
    page.waitForChatCount(1);
    Guest max = guest();
    String maxsChat = max.requestChat("Max", "de", "Wo ist mein Paket?");
    page.waitForChatCount(2);

    // Eva is answered and asks again: Max has waited longer, though Eva came first
    page.select(evasChat);
    page.reply("Gern, worum geht es?");
    page.waitForMessage("Gern, worum geht es?");
    eva.send("Um die Rechnung", "Eva-2");
    page.waitForMessage("Um die Rechnung");
    assertEquals(java.util.List.of(evasChat, maxsChat), chatOrder(), "as they came");

    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("chat-sort"))).selectByValue("waiting");
    page.wait.until(d -> chatOrder().equals(java.util.List.of(maxsChat, evasChat)));
    page.wait.until(d -> d.findElement(page.chatItem(maxsChat)).findElement(By.cssSelector(".chat-item-wait")).getText()
        .matches("waiting for \\d+:\\d\\d"));

    // Max is answered: Eva now waits longest, Max not at all
    page.select(maxsChat);
    page.reply("Es ist unterwegs.");
    page.waitForMessage("Es ist unterwegs.");
    page.wait.until(d -> chatOrder().equals(java.util.List.of(evasChat, maxsChat)));
    assertTrue(driver.findElement(page.chatItem(maxsChat)).findElements(By.cssSelector(".chat-item-wait")).isEmpty());

    // remembered in this browser: after a reload, and only for this agent
    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.waitForChatCount(2);
    assertEquals("waiting", driver.findElement(By.id("chat-sort")).getDomProperty("value"));
    page.wait.until(d -> chatOrder().equals(java.util.List.of(evasChat, maxsChat)));
    page.signOut();
    DashboardPage.createAgent(node, "Bea", "bea@triage.test", 2);
    page.signIn("bea@triage.test", "password-Bea");
    assertEquals("arrival", driver.findElement(By.id("chat-sort")).getDomProperty("value"));
  }

  private boolean ringing() {
    return driver.findElement(By.id("sound-toggle")).getDomAttribute("class").contains("ringing");
  }

  private String sound() {
    return driver.findElement(By.id("sound-toggle")).getDomAttribute("data-sound");
  }

  /** The chat's unread count in the list, read even while another view hides the list. */
  private int unreadOf(String conversationId) {
    java.util.List<WebElement> badges = driver.findElement(page.chatItem(conversationId)).findElements(By.cssSelector(".badge.unread"));
    return badges.isEmpty() ? 0 : Integer.parseInt(badges.get(0).getDomProperty("textContent").trim());
  }

  @Test
  void aToneRingsForWhatTheAgentIsNotLookingAtUnlessMutedOrBlockedBeforeAClick() {
    // the browser's own rule, as on a desktop: no sound before a click or key on the page
    driver.quit();
    driver = Browser.start(1280, 800, "--autoplay-policy=document-user-activation-required");
    page = new DashboardPage(driver, node);
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.wait.until(d -> "on".equals(sound()));
    page.setStatus("online");

    // a new chat while the history is open: a tone (the speaker rings) and the notice
    page.showView("history");
    Guest eva = guest();
    String chat = eva.requestChat("Eva", "de", "Hallo?");
    page.wait.until(d -> ringing());
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toast .toast-action")));
    page.wait.until(d -> !ringing());

    // the chat in front: its message needs no tone
    page.showView("chats");
    page.select(chat);
    eva.send("Sind Sie da?", "Eva-2");
    page.waitForMessage("Sind Sie da?");
    assertTrue(!ringing(), "no tone for the chat the agent is reading");

    // another view again: a tone for the message
    page.showView("history");
    eva.send("Hallo??", "Eva-3");
    page.wait.until(d -> ringing());
    page.wait.until(d -> !ringing());

    // muted: the message is counted, silently; the choice survives a reload
    driver.findElement(By.id("sound-toggle")).click();
    page.wait.until(d -> "muted".equals(sound()));
    assertEquals("false", driver.findElement(By.id("sound-toggle")).getDomAttribute("aria-pressed"));
    int before = unreadOf(chat);
    eva.send("Noch da?", "Eva-4");
    page.wait.until(d -> unreadOf(chat) == before + 1);
    assertTrue(!ringing(), "muted");
    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    assertEquals("muted", sound());

    // sound on again, then a reload: blocked until the agent clicks somewhere on the page
    driver.findElement(By.id("sound-toggle")).click();
    page.wait.until(d -> "on".equals(sound()));
    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.wait.until(d -> "blocked".equals(sound()));
    assertTrue(driver.findElement(By.id("sound-toggle")).getDomAttribute("title").contains("click"));
    driver.findElement(By.id("chat-list")).click();
    page.wait.until(d -> "on".equals(sound()));
  }

  @Test
  void aLongQueueShowsItsHeadAndHowManyMoreWaitAlsoAfterAReload() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    setMaxChats(0);
    int waiting = org.plauder.web.InboxPushes.QUEUE_ROWS + 3;
    String first = null;
    for (int i = 1; i <= waiting; i++) {
      String chat = guest().requestChat("Gast" + i, "de", "Frage " + i);
      first = first == null ? chat : first;
    }
    By rows = By.cssSelector("#queue-list .queue-item");
    page.wait.until(d -> d.findElement(By.id("queue-count")).getText().equals(String.valueOf(waiting)));
    assertEquals(org.plauder.web.InboxPushes.QUEUE_ROWS, driver.findElements(rows).size(), "the head of the line, from the push");
    assertEquals("… and 3 more waiting", driver.findElement(By.id("queue-more")).getText());

    driver.navigate().refresh(); // the desk as a reloaded dashboard loads it
    page.wait.until(d -> d.findElement(By.id("queue-count")).getText().equals(String.valueOf(waiting)));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(queueRow(first)));
    assertEquals(org.plauder.web.InboxPushes.QUEUE_ROWS, driver.findElements(rows).size(), "the head of the line, from the desk");
    assertEquals("… and 3 more waiting", driver.findElement(By.id("queue-more")).getText());
  }

  @Test
  void aVisitorNewInTheQueueRingsForAnAgentOnAnotherView() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    setMaxChats(0);
    page.wait.until(d -> "on".equals(sound()));
    page.showView("reports");
    String chat = guest().requestChat("Eva", "de", "Hallo?");
    page.wait.until(d -> ringing());
    page.wait.until(d -> !ringing());
    page.showView("chats");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(queueRow(chat)));
  }
}
