package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.help.HostileMarkdown;

/** The dashboard's help-article editor in headless Chromium on a phone-sized window, against a real node. */
class DashboardArticlesTest extends DashboardBrowserTest {

  private static final String TITLE = "Kaffeebohnen frisch halten im Vorratsglas";
  private static final String BODY = """
      Bohnen bleiben **fett** und duftend, wenn sie dunkel und kühl stehen.

      <script>document.title = 'pwned'</script>

      [Mehr dazu](javascript:document.title='pwned')

      """ + HostileMarkdown.BODY;

  private final By ourRow = By.xpath("//ul[@id='articles-list']/li[button[@class='link article-open' and text()='" + TITLE + "']]");

  private List<String> titlesVisitorsFind(String q) {
    HttpResponse<Buffer> found = await(node.http.get("/api/v1/sites/demo/articles").addQueryParam("q", q)
        .putHeader("Origin", node.origin()).send());
    assertEquals(200, found.statusCode(), found.bodyAsString());
    return found.bodyAsJsonObject().getJsonArray("articles").stream().map(o -> ((JsonObject) o).getString("title")).toList();
  }

  private String value(String id) {
    return driver.findElement(By.id(id)).getDomProperty("value");
  }

  private String activeId() {
    return (String) driver.executeScript("return document.activeElement && document.activeElement.id");
  }

  private void assertNoSidewaysScrolling() {
    Boolean fits = (Boolean) driver.executeScript("const v = document.getElementById('admin-view');"
        + "return document.documentElement.scrollWidth <= window.innerWidth && v.scrollWidth <= v.clientWidth;");
    assertTrue(fits, () -> "the admin view fits a 360 px screen without scrolling sideways; too wide: " + driver.executeScript(
        "const w = window.innerWidth; return [...document.querySelectorAll('#admin-view *')]"
        + ".filter(e => e.getBoundingClientRect().right > w + 1 && e.getClientRects().length > 0)"
        + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
  }

  private WebElement state(By row) {
    return driver.findElement(row).findElement(By.cssSelector(".article-state"));
  }

  @Test
  void anAdminWritesPreviewsPublishesAndDeletesAnArticleOnAPhone() {
    driver.manage().window().setSize(new Dimension(360, 800));
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    By rows = By.cssSelector("#articles-list li.article-item");
    page.wait.until(d -> d.findElements(rows).size() >= 10); // the demo shop's articles, German and English
    int all = driver.findElements(rows).size();

    // the list by language
    new Select(driver.findElement(By.id("articles-language"))).selectByValue("en");
    page.wait.until(d -> d.findElements(rows).size() < all);
    assertTrue(driver.findElements(By.cssSelector("#articles-list .article-lang")).stream().allMatch(b -> b.getText().equals("EN")));
    new Select(driver.findElement(By.id("articles-language"))).selectByValue("");
    page.wait.until(d -> d.findElements(rows).size() == all);

    // a new article, written and previewed: the bold is bold, nothing runs, no link goes to javascript:
    driver.findElement(By.id("article-new")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-form")));
    assertEquals("article-title", activeId(), "the editor starts at the title");
    driver.findElement(By.id("article-title")).sendKeys(TITLE);
    new Select(driver.findElement(By.id("article-lang"))).selectByValue("de");
    driver.findElement(By.id("article-keywords")).sendKeys("Aroma, Lagerung");
    driver.findElement(By.id("article-body")).sendKeys(BODY);
    driver.findElement(By.id("article-preview-button")).click();
    WebElement preview = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-preview")));
    assertEquals("fett", preview.findElement(By.tagName("strong")).getText());
    assertTrue(preview.getText().contains("Mehr dazu"), preview.getText());
    assertEquals(List.of(), preview.findElements(By.cssSelector("script, iframe, svg, [onerror], [onclick], [style]")));
    for (WebElement link : preview.findElements(By.tagName("a"))) {
      String href = String.valueOf(link.getDomAttribute("href")).toLowerCase();
      assertFalse(href.startsWith("javascript:") || href.startsWith("data:"), href);
    }
    assertEquals(List.of(), preview.findElements(By.xpath(".//a[@href][contains(., 'Mehr dazu')]")),
        "what is left of a javascript: link goes nowhere");
    assertEquals("Plauder", driver.getTitle(), "the script did not run");
    assertFalse(driver.findElements(rows).stream().anyMatch(r -> r.getText().contains(TITLE)), "a preview saves nothing");
    assertNoSidewaysScrolling();
    Browser.screenshot(driver, "dashboard-article-preview-360");

    // without a title the server refuses it, in its own words, and nothing is stored
    WebElement title = driver.findElement(By.id("article-title"));
    title.clear();
    driver.findElement(By.id("article-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("article-result"), "class", "error"));
    assertEquals("title is required", driver.findElement(By.id("article-result")).getText());
    assertEquals(all, driver.findElements(rows).size());

    // published: in the list, and visitors find it
    title.sendKeys(TITLE);
    driver.findElement(By.id("article-published")).click();
    driver.findElement(By.id("article-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("article-result"), "class", "ok"));
    page.wait.until(ExpectedConditions.presenceOfElementLocated(ourRow));
    assertTrue(state(ourRow).getAttribute("class").contains("published"));
    assertEquals("DE", driver.findElement(ourRow).findElement(By.cssSelector(".article-lang")).getText());
    assertTrue(driver.findElement(By.id("article-delete")).isDisplayed(), "a saved article can be deleted");
    String id = driver.findElement(ourRow).getDomAttribute("data-article-id");
    assertEquals(TITLE, titlesVisitorsFind("Kaffeebohnen frisch halten").get(0));

    // back to draft from the list, and visitors no longer find it; then published again
    driver.findElement(ourRow).findElement(By.cssSelector(".article-toggle")).click();
    page.wait.until(d -> state(ourRow).getAttribute("class").contains("draft"));
    assertFalse(titlesVisitorsFind("Kaffeebohnen frisch halten").contains(TITLE));
    assertFalse(driver.findElement(By.id("article-published")).isSelected(), "the open editor follows");
    driver.findElement(ourRow).findElement(By.cssSelector(".article-toggle")).click();
    page.wait.until(d -> state(ourRow).getAttribute("class").contains("published"));
    assertEquals(TITLE, titlesVisitorsFind("Kaffeebohnen frisch halten").get(0));

    // delete, asked first: Escape keeps it, Tab + Enter on "Delete" deletes it
    driver.findElement(ourRow).findElement(By.cssSelector(".article-open")).click();
    page.wait.until(d -> value("article-body").startsWith("Bohnen bleiben **fett**"));
    driver.findElement(By.id("article-delete")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-delete-dialog")));
    assertEquals("article-delete-cancel", activeId(), "the dialog starts on Cancel");
    assertTrue(driver.findElement(By.id("article-delete-title")).getText().contains(TITLE));
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("article-delete-dialog")));
    assertEquals(200, await(node.http.get("/api/v1/articles/" + id).bearerTokenAuthentication(node.loginAdmin().token()).send())
        .statusCode(), "Escape deletes nothing");
    driver.findElement(By.id("article-delete")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-delete-dialog")));
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    assertEquals("article-delete-confirm", activeId());
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(ourRow));
    assertFalse(driver.findElement(By.id("article-form")).isDisplayed());
    assertEquals(all, driver.findElements(rows).size());
    assertEquals(404, await(node.http.get("/api/v1/articles/" + id).bearerTokenAuthentication(node.loginAdmin().token()).send())
        .statusCode());
    assertFalse(titlesVisitorsFind("Kaffeebohnen frisch halten").contains(TITLE));
    assertNoSidewaysScrolling();
  }
}
