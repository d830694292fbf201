package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plauder.Browser;

/**
 * An agent's display name and picture, each side in its own headless Chromium: the admin account
 * "Admin" calls itself Anna and uploads a picture in the dashboard's profile dialog (keyboard only),
 * and the visitor reads "Anna" with that picture in the widget's header and beside Anna's message —
 * also on a 360 px phone.
 */
class WidgetAgentFaceTest extends WidgetWithDashboardTest {

  /** A 2×2 red PNG. */
  private static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR42mP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";


  private static boolean pictureShown(Object loaded) {
    return Boolean.TRUE.equals(loaded);
  }

  @Test
  void theVisitorSeesTheDisplayNameAndPictureTheAgentChose() throws Exception {
    AgentDashboard dashboard = AgentDashboard.ofAdmin(node);
    agentDriver = dashboard.driver();
    WebDriverWait agentWait = dashboard.waiting();
    agentWait.until(d -> "A".equals(d.findElement(By.id("me-face")).getText()));

    // The profile dialog, by keyboard: the name, a picture through the file picker, Enter saves.
    agentDriver.findElement(By.id("me-button")).sendKeys(Keys.ENTER);
    agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-dialog")));
    assertEquals("profile-name", agentDriver.switchTo().activeElement().getDomAttribute("id"));
    Path png = dataDir.resolve("anna.png");
    Files.write(png, Base64.getDecoder().decode(PNG_BASE64));
    agentDriver.findElement(By.id("profile-file")).sendKeys(png.toString());
    WebElement name = agentDriver.findElement(By.id("profile-name"));
    name.sendKeys("Anna");
    agentWait.until(d -> "A".equals(d.findElement(By.id("profile-face")).getText().trim()));
    name.sendKeys(Keys.ENTER);
    agentWait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("profile-dialog")));
    agentWait.until(ExpectedConditions.textToBe(By.id("me-name"), "Anna"));
    agentWait.withMessage("the picture in the top bar").until(d -> pictureShown(agentDriver.executeScript(
        "var i = document.querySelector('#me-face img'); return !!i && i.complete && i.naturalWidth === 2"
            + " && i.src.indexOf('/api/v1/avatars/') > 0;")));
    dashboard.setStatus("online");

    WidgetPage page = chatInWidget(1280, 800, "Hallo, wer ist da?");
    page.waitText(".status", "Anna ist für Sie da");
    page.waiting().withMessage("Anna's picture in the header").until(d -> pictureShown(page.js(
        "var i = document.getElementById('plauder-widget').shadowRoot.querySelector('header .face img');"
            + " return !!i && i.complete && i.naturalWidth === 2;")));
    assertFalse(page.textOf(".panel").contains("admin@"), "no e-mail address in the widget");

    agentWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#chat-list button.chat-item"))).click();
    WebElement box = agentDriver.findElement(By.id("composer-text"));
    box.sendKeys("Hier ist Anna. Wie kann ich helfen?", Keys.ENTER);
    page.waitText(".log li.agent .meta", "Anna");
    agentWait.until(d -> d.findElements(By.cssSelector("#message-log .message.from-agent .message-sender")).stream()
        .anyMatch(e -> "Anna".equals(e.getText())));
    page.waiting().withMessage("Anna's picture beside her message").until(d -> pictureShown(page.js(
        "var i = document.getElementById('plauder-widget').shadowRoot.querySelector('.log li.agent .face.small img');"
            + " return !!i && i.complete && i.naturalWidth === 2;")));

    // On a phone the header keeps the face, the name and the close button on screen.
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
    page.waiting().withMessage("face, status and × within 360 px").until(d -> pictureShown(page.js(
        "var r = document.getElementById('plauder-widget').shadowRoot;"
            + " var f = r.querySelector('header .face').getBoundingClientRect(), x = r.querySelector('header .x').getBoundingClientRect();"
            + " return f.left >= 0 && f.width >= 30 && f.right < x.left && x.right <= document.documentElement.clientWidth;")));
    Browser.screenshot(driver, "widget-agent-face-360");
    // The admin's list of agents shows each agent's face and shown name, the account's name beside it.
    agentDriver.findElement(By.id("tab-admin")).click();
    agentWait.until(d -> d.findElements(By.cssSelector("#agents-body .agent-name-cell")).stream()
        .anyMatch(c -> c.getText().contains("Anna (Admin)") && !c.findElements(By.cssSelector(".face img")).isEmpty()));
    Browser.screenshot(agentDriver, "dashboard-profile");
  }
}
