package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.plauder.TestNode;

/** Addresses in messages are links in the dashboard and in the widget (a new tab, no referrer); a javascript: one stays text. */
class MessageLinksTest extends DashboardBrowserTest {

  private static final String REL = "noopener noreferrer nofollow";

  @Test
  void aLinkInAMessageOpensInANewTabOnBothSidesAndAJavascriptLinkStaysText() {
    String dashboardTab = driver.getWindowHandle();
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");

    // The visitor writes from the shop, with an address and a javascript: "link".
    String product = node.origin() + "/demo/produkt.html";
    String visitorText = "Ich meine " + product + ", nicht javascript:alert(1)";
    String widgetTab = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
    driver.get(node.origin() + "/demo/");
    page.wait.until(d -> !widget().findElements(By.cssSelector(".launcher")).isEmpty());
    widget().findElement(By.cssSelector(".launcher")).click();
    page.wait.until(d -> widget().findElement(By.cssSelector("textarea")).isDisplayed());
    widget().findElement(By.cssSelector("textarea")).sendKeys(visitorText, Keys.ENTER);

    // The agent sees it with one link, and answers with one.
    driver.switchTo().window(dashboardTab);
    page.waitForChatCount(1);
    page.select(page.chatItems().get(0).getDomAttribute("data-conversation-id"));
    WebElement asked = page.waitForMessage(visitorText).findElement(By.cssSelector(".message-text"));
    List<WebElement> links = asked.findElements(By.tagName("a"));
    assertEquals(1, links.size(), "only the http address is a link");
    assertEquals(product, links.get(0).getDomAttribute("href"));
    assertEquals("_blank", links.get(0).getDomAttribute("target"));
    assertEquals(REL, links.get(0).getDomAttribute("rel"));
    assertTrue(asked.getText().endsWith("nicht javascript:alert(1)"), "the javascript: text is there, as text");
    String checkout = node.origin() + "/demo/kasse.html";
    page.reply("Hier entlang: " + checkout + ". Und bitte nie javascript:alert(2) anklicken.");

    // In the widget: the agent's link opens the checkout in a new tab; javascript: is no link.
    driver.switchTo().window(widgetTab);
    page.wait.until(d -> widget().findElements(By.cssSelector(".log li.agent .bubble a")).size() == 1);
    WebElement answer = widget().findElement(By.cssSelector(".log li.agent .bubble"));
    assertTrue(answer.getText().contains("javascript:alert(2) anklicken"));
    assertEquals(1, answer.findElements(By.tagName("a")).size());
    WebElement link = answer.findElement(By.tagName("a"));
    assertEquals(checkout, link.getDomAttribute("href"));
    assertEquals(REL, link.getDomAttribute("rel"));
    Set<String> before = driver.getWindowHandles();
    link.click();
    page.wait.until(d -> d.getWindowHandles().size() == before.size() + 1);
    String opened = driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().orElseThrow();
    driver.switchTo().window(opened);
    page.wait.until(d -> d.getCurrentUrl().equals(checkout));
    assertEquals(null, ((JavascriptExecutor) driver).executeScript("return window.opener;"), "the shop's tab is out of reach");
    assertEquals("", ((JavascriptExecutor) driver).executeScript("return document.referrer;"));
  }

  private SearchContext widget() {
    return (SearchContext) ((JavascriptExecutor) driver).executeScript(
        "var h = document.getElementById('plauder-widget'); return h ? h.shadowRoot : null;");
  }
}
