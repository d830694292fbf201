package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.OnlineAgent;

/** The monitor in the dashboard: an admin watches a colleague's chat live, whispers to the agent, and takes it over. */
class DashboardSupervisionTest extends DashboardBrowserTest {

  @Test
  void anAdminWatchesAChatWhispersAndTakesItOver() {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    buses.add(anna.bus());
    TestNode.Person eva = node.newVisitor();
    BridgeClient evaBus = node.bridge();
    buses.add(evaBus);
    String chat = await(evaBus.request("visitor.requestChat", eva.token(), new JsonObject().put("name", "Eva")
        .put("text", "Wo bleibt mein Paket?").put("clientMsgId", "e-1"))).getJsonObject("conversation").getString("id");

    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("monitor");
    By row = By.cssSelector("#monitor-list .chat-item[data-conversation-id='" + chat + "']");
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Anna"));
    page.wait.until(d -> {
      d.findElement(row).click();
      return true;
    });
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor-log"), "Wo bleibt mein Paket?"));

    // Live: the visitor writes, the monitor shows it.
    await(evaBus.request("visitor.send", eva.token(), new JsonObject().put("conversationId", chat)
        .put("text", "Bestellt am Montag").put("clientMsgId", "e-2")));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor-log"), "Bestellt am Montag"));

    // A whisper reaches Anna, not Eva.
    driver.findElement(By.id("whisper-text")).sendKeys("Frag nach der Bestellnummer", Keys.ENTER);
    JsonObject whisper = await(anna.bus().push("whisper")).getJsonObject("whisper");
    assertEquals("Frag nach der Bestellnummer", whisper.getString("text"));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor-log"), "Whisper · Admin"));
    Browser.screenshot(driver, "dashboard-monitor");

    // Take over: the chat moves to the admin's own chats.
    page.setStatus("online");
    page.showView("monitor");
    page.wait.until(ExpectedConditions.elementToBeClickable(By.id("monitor-take-over"))).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chats-view")));
    page.wait.until(ExpectedConditions.attributeToBe(page.chatItem(chat), "aria-current", "true"));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-whispers"), "Frag nach der Bestellnummer"));
    assertEquals("takenOver", await(anna.bus().push("transferred")).getString("reason"));
  }
}
