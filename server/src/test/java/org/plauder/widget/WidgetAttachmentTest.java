package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plauder.Browser;
import org.plauder.TestNode;

/**
 * Files between the widget and the dashboard, each in its own headless Chromium: an image pasted
 * into the widget becomes a thumbnail on the agent's dashboard (opened large there), an SVG with a
 * script named "image.png" is refused, and a PDF the agent attaches reaches the widget.
 */
class WidgetAttachmentTest extends WidgetWithDashboardTest {

  /** A 2×2 red PNG. */
  private static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR42mP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";


  /** Pastes a file made in the page into the widget's text box, as a screenshot from the clipboard arrives. */
  private static void paste(WidgetPage page, String base64, String name, String type) {
    page.js("var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });"
        + "var data = new DataTransfer(); data.items.add(new File([bytes], arguments[1], {type: arguments[2]}));"
        + "document.getElementById('plauder-widget').shadowRoot.querySelector('textarea')"
        + ".dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
        base64, name, type);
  }

  @Test
  void aPastedImageBecomesAThumbnailOnTheDashboardAndAnAgentsPdfReachesTheWidget() throws Exception {
    AgentDashboard dashboard = AgentDashboard.ofAdmin(node);
    agentDriver = dashboard.driver();
    WebDriverWait agentWait = dashboard.waiting();
    dashboard.setStatus("online");

    WidgetPage page = chatInWidget(1280, 800, "Hallo, das Paket ist kaputt angekommen.");
    page.waitVisible(".attach");

    paste(page, PNG_BASE64, "Bildschirmfoto.png", "image/png");
    page.waiting().withMessage("the thumbnail in the widget").until(d -> Boolean.TRUE.equals(page.js(
        "var i = document.getElementById('plauder-widget').shadowRoot.querySelector('.log .thumb img');"
            + " return !!i && i.src.indexOf('blob:') === 0 && i.complete && i.naturalWidth === 2;")));
    page.find(".log .thumb").sendKeys(Keys.ENTER);
    page.waitVisible(".lightbox img");
    assertEquals("button.x", page.focused(), "the large view takes focus on its close button");
    page.find(".lightbox .x").sendKeys(Keys.ESCAPE);
    page.waiting().until(d -> !page.visible(".lightbox"));
    assertEquals("button.thumb", page.focused(), "and gives it back to the thumbnail");
    assertTrue(page.visible(".panel"), "Escape closed the image, not the panel");

    agentWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#chat-list button.chat-item"))).click();
    agentWait.withMessage("the thumbnail on the dashboard").until(d -> Boolean.TRUE.equals(agentDriver.executeScript(
        "var i = document.querySelector('#message-log .thumb-img');"
            + " return !!i && i.src.indexOf('blob:') === 0 && i.complete && i.naturalWidth === 2 && i.alt === 'Bildschirmfoto.png';")));
    agentDriver.findElement(By.cssSelector("#message-log .thumb")).click();
    agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lightbox-image")));
    assertEquals("lightbox-close", agentDriver.switchTo().activeElement().getDomAttribute("id"), "focus goes to the close button");
    agentDriver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    agentWait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("lightbox")));
    assertTrue(agentDriver.switchTo().activeElement().getDomAttribute("class").contains("thumb"), "focus is back on the thumbnail");

    // An SVG with a script, named like a PNG, is refused and shows nowhere.
    String svg = Base64.getEncoder().encodeToString(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>parent.pwned=1</script></svg>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    paste(page, svg, "image.png", "image/png");
    page.waitText(".error", "Nur Bilder (PNG, JPEG, GIF, WebP) und PDF-Dateien");
    assertEquals(1L, page.countInShadow(".log .thumb"));

    // The agent attaches a PDF through the file picker; the visitor gets a download button.
    Path pdf = dataDir.resolve("Rechnung.pdf");
    Files.writeString(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    agentDriver.findElement(By.id("attach-input")).sendKeys(pdf.toString());
    page.waitText(".log .file", "Rechnung.pdf");
    agentWait.until(d -> agentDriver.findElements(By.cssSelector("#message-log .file-link")).size() == 1);
    Browser.screenshot(driver, "widget-attachments");

    // On a phone the composer keeps the attach button, the text box and Send side by side on screen.
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
    page.waiting().withMessage("attach, text box and send within 360 px").until(d -> Boolean.TRUE.equals(page.js(
        "var r = document.getElementById('plauder-widget').shadowRoot;"
            + " var a = r.querySelector('.attach').getBoundingClientRect(), t = r.querySelector('textarea').getBoundingClientRect(),"
            + " s = r.querySelector('.send').getBoundingClientRect();"
            + " return a.left >= 0 && a.right <= t.left && t.width >= 120 && t.right <= s.left && s.right <= document.documentElement.clientWidth;")));
    Browser.screenshot(driver, "widget-attachments-360");

    // The admin's site settings: the file limit, and that masking does not cover files.
    agentDriver.findElement(By.id("tab-admin")).click();
    agentWait.until(d -> "10".equals(d.findElement(By.id("site-file-mb")).getDomProperty("value")));
    assertTrue(agentDriver.findElement(By.id("site-mask-files")).getText().contains("not sent files"),
        agentDriver.findElement(By.id("site-mask-files")).getText());
    agentDriver.findElement(By.id("site-file-mb")).clear();
    agentDriver.findElement(By.id("site-file-mb")).sendKeys("5");
    agentDriver.findElement(By.id("site-save")).click();
    agentWait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "ok"));
    assertEquals(5, TestNode.await(node.http.get("/api/v1/site/files").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getInteger("maxFileSizeMb"));
    Browser.screenshot(agentDriver, "dashboard-attachments");
  }
}
