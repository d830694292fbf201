package org.plauder.dashboard;

import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.BridgeClient;
import org.plauder.TestNode;

/** An agent reading the history still learns of a new chat: a notice with "Open" that leads to it. */
class DashboardNoticeTest extends DashboardBrowserTest {

  @Test
  void aNewChatWhileAnotherViewIsOpenShowsANoticeThatLeadsToIt() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    page.showView("history");

    TestNode.Person eva = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    String chat = await(bus.request("visitor.requestChat", eva.token(), new JsonObject().put("name", "Eva")
        .put("text", "Hallo?").put("clientMsgId", "e-1"))).getJsonObject("conversation").getString("id");

    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "New chat: Eva"));
    driver.findElement(By.cssSelector("#toast .toast-action")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chats-view")));
    page.wait.until(ExpectedConditions.attributeToBe(page.chatItem(chat), "aria-current", "true"));
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("toast")));
  }
}
