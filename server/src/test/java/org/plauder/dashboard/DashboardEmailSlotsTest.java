package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.Browser;
import org.plauder.TestNode;

/**
 * An admin gives e-mails slots of their own in the dashboard's site settings, by keyboard, and
 * takes them away again: what the page shows after a reload and what the server's site settings
 * say agree; a number out of range is refused in the page's language and changes nothing.
 */
class DashboardEmailSlotsTest extends DashboardBrowserTest {

  @Test
  void anAdminGivesEmailsThreeSlotsOfTheirOwnAndTakesThemAwayAgain() {
    openSiteSettings();
    assertTrue(radio("shared").isSelected(), "by default an e-mail takes a chat slot");
    assertFalse(count().isEnabled(), "no number to give while e-mails share the chat slots");
    assertEquals("An e-mail takes one of the agent's chat slots", labelOf("site-email-slots-shared"));
    assertEquals("E-mails have slots of their own", labelOf("site-email-slots-own"));
    assertEquals("E-mails per agent", labelOf("site-max-emails"));

    // by keyboard: the arrow key chooses "their own slots", Tab reaches the number, Enter saves
    radio("shared").sendKeys(Keys.ARROW_DOWN);
    page.wait.until(d -> radio("own").isSelected() && count().isEnabled());
    radio("own").sendKeys(Keys.TAB);
    assertEquals("site-max-emails", driver.switchTo().activeElement().getDomAttribute("id"));
    count().sendKeys("3", Keys.ENTER);
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "ok"));
    assertEquals("Settings saved.", text("site-result"));
    assertEquals(3, site().getInteger("maxEmails"));

    reload();
    assertTrue(radio("own").isSelected());
    assertEquals("3", count().getDomProperty("value"));

    // back to "an e-mail takes a chat slot"
    radio("own").sendKeys(Keys.ARROW_UP);
    page.wait.until(d -> radio("shared").isSelected() && !count().isEnabled());
    driver.findElement(By.id("site-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "ok"));
    assertTrue(site().containsKey("maxEmails"));
    assertEquals(null, site().getValue("maxEmails"), "stored as none of their own");

    reload();
    assertTrue(radio("shared").isSelected());
    assertFalse(count().isEnabled());
    assertEquals("", count().getDomProperty("value"));
  }

  @Test
  void aNumberOutOfRangeIsRefusedWithAClearErrorAndChangesNothing() {
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("maxEmails", 4))).statusCode());
    openSiteSettings();
    page.wait.until(d -> "4".equals(count().getDomProperty("value")));

    for (String refused : new String[] {"0", "99", ""}) {
      count().clear();
      count().sendKeys(refused);
      driver.findElement(By.id("site-save")).click();
      page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "error"));
      assertEquals("E-mails per agent: a whole number from 1 to 50.", text("site-result"), "for '" + refused + "'");
      assertEquals("true", count().getDomAttribute("aria-invalid"));
      assertEquals("site-max-emails", driver.switchTo().activeElement().getDomAttribute("id"), "the field to mend has the focus");
      assertEquals(4, site().getInteger("maxEmails"), "nothing saved for '" + refused + "'");
      driver.executeScript("document.getElementById('site-result').className = ''");
    }

    count().clear();
    count().sendKeys("5");
    driver.findElement(By.id("site-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "ok"));
    assertEquals(null, count().getDomAttribute("aria-invalid"));
    assertEquals(5, site().getInteger("maxEmails"));

    // on a phone the choice fits the screen
    driver.manage().window().setSize(new Dimension(360, 800));
    assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));
    driver.executeScript("arguments[0].scrollIntoView()", radio("own"));
    Browser.screenshot(driver, "dashboard-email-slots-360");
  }

  @Test
  void aGermanAdminReadsTheChoiceAndTheRefusalInGerman() {
    browserInGerman();
    openSiteSettings();
    assertEquals("Eine E-Mail belegt einen Chat-Platz des Agenten", labelOf("site-email-slots-shared"));
    assertEquals("E-Mails haben eigene Plätze", labelOf("site-email-slots-own"));

    radio("own").click();
    count().sendKeys("0", Keys.ENTER);
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "error"));
    assertEquals("E-Mails je Agent: eine ganze Zahl von 1 bis 50.", text("site-result"));
    assertEquals(null, site().getValue("maxEmails"), "nothing saved");
  }

  private void openSiteSettings() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    page.wait.until(d -> !d.findElement(By.id("site-max-chats")).getDomProperty("value").isEmpty());
  }

  private void reload() {
    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.showView("admin");
    page.wait.until(d -> !d.findElement(By.id("site-max-chats")).getDomProperty("value").isEmpty());
  }

  private WebElement radio(String which) {
    return driver.findElement(By.id("site-email-slots-" + which));
  }

  private WebElement count() {
    return driver.findElement(By.id("site-max-emails"));
  }

  /** The text of the label that names this field. */
  private String labelOf(String id) {
    return driver.findElement(By.cssSelector("label[for='" + id + "']")).getText().trim();
  }

  private JsonObject site() {
    return await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }
}
