package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.TestNode;

/** An admin sets the site's own sender of e-mailed transcripts in the dashboard, by keyboard. */
class DashboardTranscriptSenderTest extends DashboardBrowserTest {

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  @Test
  void anAddressTheServerRefusesShowsWhyAndAGoodOneIsSavedAndKept() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    page.wait.until(d -> text("sender-from").startsWith("No e-mail server is set up"));

    WebElement address = driver.findElement(By.id("sender-address"));
    address.sendKeys("service@shop", Keys.ENTER); // the browser takes it, the server wants a domain with a dot
    page.wait.until(ExpectedConditions.attributeToBe(By.id("sender-from"), "class", "error"));
    page.wait.until(d -> text("sender-from").contains("must be an e-mail address"));

    driver.findElement(By.id("sender-name")).sendKeys("Kaffeerösterei Beispiel");
    address.clear();
    address.sendKeys("service@shop.example", Keys.ENTER);
    page.wait.until(d -> text("sender-from").equals("Transcripts are sent from: Kaffeerösterei Beispiel <service@shop.example>"));
    assertEquals("service@shop.example", await(node.http.get("/api/v1/site/transcript-sender")
        .bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject().getString("address"));

    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.showView("admin");
    page.wait.until(d -> "service@shop.example".equals(d.findElement(By.id("sender-address")).getDomProperty("value")));
    assertEquals("Kaffeerösterei Beispiel", driver.findElement(By.id("sender-name")).getDomProperty("value"));
  }
}
