package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plauder.TestNode;
import org.plauder.auth.UserSignature;

/** An admin's settings about visitors, in the dashboard: the identity secret and the pre-chat form. */
class DashboardSiteVisitorSettingsTest extends DashboardBrowserTest {

  @Test
  void anAdminMakesTheIdentitySecretSeesItOnceAndReplacesItAfterConfirming() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    page.wait.until(d -> text("identity-status").startsWith("Off"));
    assertFalse(driver.findElement(By.id("identity-secret-box")).isDisplayed());

    driver.findElement(By.id("identity-rotate")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identity-secret")));
    String secret = text("identity-secret");
    assertTrue(secret.matches("[0-9a-f]{64}"), secret);
    assertTrue(text("identity-status").startsWith("On"), text("identity-status"));
    assertEquals("Replace secret", text("identity-rotate"));
    assertEquals(200, mint(secret).statusCode(), "the secret shown is the one the server checks with");

    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.showView("admin");
    page.wait.until(d -> text("identity-status").startsWith("On"));
    assertFalse(driver.findElement(By.id("identity-secret-box")).isDisplayed(), "shown once: not after a reload");
    assertFalse(driver.getPageSource().contains(secret));

    // Replacing asks first; "cancel" keeps the secret, "OK" replaces it.
    driver.findElement(By.id("identity-rotate")).click();
    page.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
    assertEquals(200, mint(secret).statusCode(), "cancelled: the old secret still signs");
    driver.findElement(By.id("identity-rotate")).click();
    page.wait.until(ExpectedConditions.alertIsPresent()).accept();
    page.wait.until(d -> d.findElement(By.id("identity-secret-box")).isDisplayed() && !text("identity-secret").isEmpty());
    String replaced = text("identity-secret");
    assertNotEquals(secret, replaced);
    assertEquals(401, mint(secret).statusCode(), "signatures with the old secret are refused");
    assertEquals(200, mint(replaced).statusCode());
  }

  @Test
  void anAdminTurnsOnThePrechatFormAndAWrongPrivacyAddressIsRefusedWithTheServersMessage() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    page.wait.until(d -> !d.findElement(By.id("site-max-chats")).getDomProperty("value").isEmpty());
    assertFalse(driver.findElement(By.id("prechat-enabled")).isSelected(), "off by default");

    driver.findElement(By.id("prechat-enabled")).click();
    new Select(driver.findElement(By.id("prechat-name"))).selectByValue("required");
    driver.findElement(By.id("prechat-privacy")).sendKeys("javascript:alert(1)");
    driver.findElement(By.id("site-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "error"));
    assertTrue(text("site-result").contains("privacyUrl must be an http:// or https:// address"), text("site-result"));
    assertEquals(false, site().getJsonObject("prechatForm").getBoolean("enabled"), "nothing saved");

    driver.findElement(By.id("prechat-privacy")).clear();
    driver.findElement(By.id("prechat-privacy")).sendKeys("https://shop.example/datenschutz");
    driver.findElement(By.id("site-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "ok"));
    assertEquals(new JsonObject().put("enabled", true).put("name", "required").put("email", "required")
        .put("consentRequired", true).put("privacyUrl", "https://shop.example/datenschutz"), site().getJsonObject("prechatForm"));

    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.showView("admin");
    page.wait.until(d -> d.findElement(By.id("prechat-enabled")).isSelected());
    assertEquals("required", new Select(driver.findElement(By.id("prechat-name"))).getFirstSelectedOption().getDomProperty("value"));
    assertEquals("https://shop.example/datenschutz", driver.findElement(By.id("prechat-privacy")).getDomProperty("value"));
  }

  private JsonObject site() {
    return await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> mint(String secret) {
    return await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
        .sendJsonObject(new JsonObject().put("userId", "cust-1").put("userHash", UserSignature.sign(secret, "cust-1"))));
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }
}
