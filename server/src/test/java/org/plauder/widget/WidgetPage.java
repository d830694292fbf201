package org.plauder.widget;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Plauder widget on a page in headless Chromium, reached through its Shadow root. */
final class WidgetPage {

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  WidgetPage(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // Collect script errors of every page, so a failing wait can say what went wrong in the page.
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
        "window.__plauderTestErrors = []; addEventListener('error', function (e) {"
            + " window.__plauderTestErrors.push(String(e.message) + ' @ ' + e.filename + ':' + e.lineno); });"));
  }

  /** Runs {@code script} in every page this browser loads from now on, before the page's own scripts. */
  WidgetPage beforeEveryPage(String script) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
    return this;
  }

  /** Loads a page and waits until the widget has put its launcher into the page. */
  WidgetPage load(String url) {
    driver.get(url);
    wait.withMessage(() -> "widget launcher on " + url + ", page errors: " + js("return window.__plauderTestErrors;")
        + ", state: " + js("return [location.href, document.readyState, typeof window.Plauder, !!(window.Plauder && window.Plauder.loaded),"
        + " !!document.getElementById('plauder-widget'), document.title, document.body ? document.body.innerText.slice(0, 300) : ''];"))
        .until(d -> shadow() != null && !shadow().findElements(By.cssSelector(".launcher")).isEmpty());
    return this;
  }

  SearchContext shadow() {
    Object root = js("var h = document.getElementById('plauder-widget'); return h ? h.shadowRoot : null;");
    return (SearchContext) root;
  }

  WebElement find(String css) {
    return shadow().findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return shadow().findElements(By.cssSelector(css));
  }

  boolean visible(String css) {
    List<WebElement> found = findAll(css);
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  void waitVisible(String css) {
    wait.withMessage(css + " visible").until(d -> visible(css));
  }

  /** Waits until the element is shown and its text contains {@code text}; reports what it saw when not. */
  void waitText(String css, String text) {
    wait.withMessage(() -> "visible text '" + text + "' in " + css + ", saw: " + textOf(css) + (visible(css) ? "" : " (hidden)"))
        .until(d -> visible(css) && textOf(css).contains(text));
  }

  String textOf(String css) {
    Object text = js("var r = document.getElementById('plauder-widget').shadowRoot;"
        + "var e = r && r.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    return text == null ? "" : text.toString();
  }

  /** The message bubbles' texts, in the order shown. */
  @SuppressWarnings("unchecked")
  List<String> bubbles() {
    return (List<String>) js("return Array.from(document.getElementById('plauder-widget').shadowRoot"
        + ".querySelectorAll('.log li .bubble')).map(function (b) { return b.textContent; });");
  }

  long countInShadow(String css) {
    return ((Number) js("return document.getElementById('plauder-widget').shadowRoot.querySelectorAll(arguments[0]).length;", css)).longValue();
  }

  /** The element that has focus, described as "tag.class" inside the Shadow root, or "page:tag" outside it. */
  String focused() {
    return (String) js("var a = document.activeElement; if (a && a.id === 'plauder-widget') {"
        + " var f = a.shadowRoot.activeElement; return f ? f.tagName.toLowerCase() + '.' + f.className : 'host'; }"
        + " return 'page:' + (a ? a.tagName.toLowerCase() : 'none');");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebDriverWait waiting() {
    return wait;
  }
}
