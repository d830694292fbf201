package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.auth.UserSignature;

/** The visitor panel marks a verified user's visitor, in headless Chromium against a real node. */
class DashboardVerifiedVisitorTest extends DashboardBrowserTest {

  @Test
  void aVerifiedUsersChatShowsTheBadgeInTheVisitorPanel() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    String secret = await(node.http.post("/api/v1/site/identity-secret").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getString("secret");
    JsonObject minted = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
        .sendJsonObject(new JsonObject().put("userId", "cust-42").put("userHash", UserSignature.sign(secret, "cust-42")))).bodyAsJsonObject();
    BridgeClient visitor = node.bridge();
    buses.add(visitor);
    String chat = await(visitor.request("visitor.requestChat", minted.getString("token"),
        new JsonObject().put("name", "Eva").put("text", "Hallo, ich bin angemeldet.").put("clientMsgId", "v-1")))
        .getJsonObject("conversation").getString("id");
    page.waitForChatCount(1);
    page.select(chat); // the list is redrawn on pushes: select() finds the row again
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visitor-verified")));
    assertTrue(driver.findElement(By.id("visitor-verified")).getText().contains("verified"));
    assertTrue(driver.findElement(By.cssSelector("#visitor-facts .visitor-name")).getText().startsWith("Eva"));
  }
}
