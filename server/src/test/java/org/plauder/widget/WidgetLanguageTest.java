package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.Browser;
import org.plauder.TestNode;

/** The widget speaks only the languages the site's admin chose, whatever the page and browser prefer. */
class WidgetLanguageTest extends WidgetBrowserTest {

  @Test
  void aSiteServedInEnglishOnlyGetsAnEnglishWidgetOnItsGermanPages(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    var saved = await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("languages", new JsonArray().add("en"))));
    assertEquals(200, saved.statusCode());
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver);

    // The demo pages are German (<html lang="de">): the first guess is German, the site says English.
    page.load(node.origin() + "/demo/");
    // The widget is drawn again in English once the server names the site's languages; a shadow
    // root looked up just before that is gone, so the wait looks again.
    page.waiting().ignoring(org.openqa.selenium.DetachedShadowRootException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> "Open chat".equals(page.find(".launcher").getDomAttribute("aria-label")));
    page.find(".launcher").click();
    page.waitText("header", "Happy to help");

    // The widget remembers the site's languages, so the next page starts in English at once.
    assertEquals("[\"en\"]", page.js("return localStorage.getItem('plauder.demo.languages')"));
    page.load(node.origin() + "/demo/hilfe.html");
    page.waitVisible(".launcher");
    String label = page.find(".launcher").getDomAttribute("aria-label");
    assertTrue(label.equals("Open chat") || label.equals("Close chat"), label);
  }
}
