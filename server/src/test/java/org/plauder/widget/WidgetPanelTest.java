package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.plauder.Browser;
import org.plauder.TestNode;

/**
 * The open panel as a keyboard and a phone user meet it: focus stays inside, the page behind stays
 * still, the message box fits.
 */
class WidgetPanelTest extends WidgetBrowserTest {

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    agentBus = node.onlineAgent("Anna", 2).bus(); // someone is there: the panel offers the chat, not the offline form
  }

  @Test
  void tabCyclesInsideTheOpenPanelAndOnAPhoneThePageBehindDoesNotScroll() {
    driver = Browser.start(360, 740);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/kasse.html");
    // The page's own inline style on <html>, which the widget must give back untouched.
    page.js("document.documentElement.setAttribute('style', 'overflow-y: scroll; scroll-padding-top: 4px');");
    page.js("window.scrollTo(0, 120);");
    long before = ((Number) page.js("return window.scrollY;")).longValue();
    assertTrue(before > 0, "the checkout page is taller than a phone screen");

    page.find(".launcher").click();
    page.waitVisible(".panel");
    assertEquals("textarea.", page.focused());
    assertEquals("hidden", page.js("return getComputedStyle(document.documentElement).overflowY;"));
    // A real wheel gesture over the panel (scripts could still scroll a hidden-overflow page; users cannot).
    new Actions(driver).scrollByAmount(0, 300).perform();
    assertEquals(before, ((Number) page.js("return window.scrollY;")).longValue(), "the page behind the panel does not scroll");

    // Forward: textarea → send → (wrap) close → emoji → textarea; all of it inside the panel.
    List<String> forward = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      forward.add(page.focused());
    }
    assertEquals(List.of("button.send", "button.x", "button.emoji-toggle", "textarea."), forward);
    List<String> backward = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      backward.add(page.focused());
    }
    assertEquals(List.of("button.emoji-toggle", "button.x", "button.send"), backward);

    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    page.waiting().until(d -> !page.visible(".panel"));
    assertEquals("button.launcher", page.focused());
    assertEquals("overflow-y: scroll; scroll-padding-top: 4px;", page.js("return document.documentElement.getAttribute('style');"),
        "the page's inline style is back exactly as it was");

    // On a wide screen the panel is not full-screen: the page keeps scrolling.
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    page.find(".launcher").click();
    page.waitVisible(".panel");
    assertEquals("scroll", page.js("return getComputedStyle(document.documentElement).overflowY;"));
    long wide = ((Number) page.js("return window.scrollY;")).longValue();
    new Actions(driver).scrollByAmount(0, 200).perform();
    page.waiting().withMessage("the page scrolls by wheel beside the panel").until(d -> ((Number) page.js("return window.scrollY;")).longValue() > wide);
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertEquals("button.send", page.focused(), "the trap holds on a wide screen too");
  }

  @Test
  void onA360PixelPhoneTheEmptyMessageBoxShowsItsPlaceholderOnOneLineInGermanAndEnglish() {
    driver = Browser.start(360, 740);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitVisible("textarea");
    assertMessageBoxFitsItsPlaceholder(page, "Nachricht schreiben", "de, before the chat");
    // Once the chat is open the attach button joins the composer and takes some of its width.
    page.find("textarea").sendKeys("Hallo", Keys.ENTER);
    page.waitVisible(".attach");
    assertMessageBoxFitsItsPlaceholder(page, "Nachricht schreiben", "de, with the attach button");
    Browser.screenshot(driver, "widget-composer-de-360x740");
    assertEquals(List.of("Datei anhängen (Bild oder PDF)", "Emoji einfügen", "Senden"), composerButtonLabels(page),
        "the icon buttons beside the box have names (the emoji shows as an empty box without an emoji font)");

    // The same chat on the shop's English pages: the panel stays open from page to page.
    page.js("localStorage.setItem('shop.lang', 'en');");
    page.load(node.origin() + "/demo/");
    page.waitVisible(".attach");
    assertMessageBoxFitsItsPlaceholder(page, "Write a message", "en, with the attach button");
    assertEquals(List.of("Attach a file (image or PDF)", "Insert an emoji", "Send"), composerButtonLabels(page));
    Browser.screenshot(driver, "widget-composer-en-360x740");
  }

  @Test
  void onA360PixelPhoneTheAttachAndEmojiButtonsAreFingerSizedWithoutAnEmojiFont() {
    WidgetPage page = chatOnA360PixelPhone();
    // Debian's headless Chromium has no emoji font, so the toggle's glyph is narrow: its size must
    // not come from the glyph. WCAG 2.2 asks for at least 24 × 24 px; a thumb wants more.
    for (String button : List.of(".attach", ".emoji-toggle")) {
      List<Double> size = sizeOf(page, button);
      assertTrue(size.get(0) >= 32 && size.get(1) >= 32, button + " at least 32 × 32 px, is [width, height] " + size);
    }
    // Still a visible ring around it when the keyboard reaches it (from the text box, one step back).
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertEquals("button.emoji-toggle", page.focused());
    assertEquals("solid 2px", page.js("var c = getComputedStyle(document.getElementById('plauder-widget').shadowRoot.activeElement);"
        + " return c.outlineStyle + ' ' + c.outlineWidth;"));
    Browser.screenshot(driver, "widget-composer-emoji-focus-360x740");
  }

  @Test
  void aLongTextBeingWrittenKeepsFittingTheBoxWhenThePhoneGetsNarrower() {
    WidgetPage page = chatOnA360PixelPhone();
    page.find("textarea").sendKeys("Ich habe am Montag zwei Pakete bestellt, aber nur eines ist angekommen.");
    page.waiting().withMessage("the box as high as its text").until(d -> boxHeight(page).get(0).equals(boxHeight(page).get(1)));
    double before = boxHeight(page).get(0);
    // narrower: the text wraps onto more lines, and the box grows with it instead of scrolling
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(300, 740));
    page.waiting().withMessage(() -> "the box grows with its text, was " + before + ", now [height, needed] " + boxHeight(page))
        .until(d -> boxHeight(page).get(0) > before);
    page.waiting().withMessage("the box as high as its text, narrower").until(d -> boxHeight(page).get(0).equals(boxHeight(page).get(1)));
    Browser.screenshot(driver, "widget-composer-long-text-300x740");
  }

  /** A chat started on a phone 360 px wide: the composer with all its buttons, the attach button too. */
  private WidgetPage chatOnA360PixelPhone() {
    driver = Browser.start(360, 740);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitVisible("textarea");
    page.find("textarea").sendKeys("Hallo", Keys.ENTER);
    page.waitVisible(".attach");
    return page;
  }

  /** The box's height now, and the height it needs for its text (as the widget sizes it: up to 120 px). */
  @SuppressWarnings("unchecked")
  private static List<Double> boxHeight(WidgetPage page) {
    List<Number> heights = (List<Number>) page.js("var t = document.getElementById('plauder-widget').shadowRoot.querySelector('textarea');"
        + " var now = t.style.height; t.style.height = 'auto'; var need = Math.min(t.scrollHeight + 2, 120); t.style.height = now;"
        + " return [parseFloat(now), need];");
    return heights.stream().map(Number::doubleValue).toList();
  }

  /** The element's [width, height] on screen, in CSS pixels. */
  @SuppressWarnings("unchecked")
  private static List<Double> sizeOf(WidgetPage page, String css) {
    List<Number> size = (List<Number>) page.js("var r = document.getElementById('plauder-widget').shadowRoot"
        + ".querySelector(arguments[0]).getBoundingClientRect(); return [r.width, r.height];", css);
    return size.stream().map(Number::doubleValue).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> composerButtonLabels(WidgetPage page) {
    return (List<String>) page.js("return Array.from(document.getElementById('plauder-widget').shadowRoot"
        + ".querySelectorAll('.composer button')).map(function (b) { return b.getAttribute('aria-label'); });");
  }

  /** The empty message box shows {@code placeholder} on one line: no scrolling, no second line. */
  private static void assertMessageBoxFitsItsPlaceholder(WidgetPage page, String placeholder, String when) {
    @SuppressWarnings("unchecked")
    Map<String, Object> box = (Map<String, Object>) page.js("var t = document.getElementById('plauder-widget').shadowRoot.querySelector('textarea');"
        + " var c = getComputedStyle(t);"
        + " var ctx = document.createElement('canvas').getContext('2d'); ctx.font = c.font;"
        + " return {placeholder: t.placeholder, value: t.value, scrollHeight: t.scrollHeight, clientHeight: t.clientHeight,"
        + " oneLine: parseFloat(c.lineHeight) + parseFloat(c.paddingTop) + parseFloat(c.paddingBottom),"
        + " textWidth: ctx.measureText(t.placeholder).width,"
        + " room: t.clientWidth - parseFloat(c.paddingLeft) - parseFloat(c.paddingRight)};");
    String seen = when + ": " + box;
    assertTrue(((String) box.get("placeholder")).startsWith(placeholder), seen);
    assertEquals("", box.get("value"), seen);
    double scrollHeight = ((Number) box.get("scrollHeight")).doubleValue();
    double clientHeight = ((Number) box.get("clientHeight")).doubleValue();
    double oneLine = ((Number) box.get("oneLine")).doubleValue();
    assertTrue(scrollHeight <= clientHeight, "no scrollbar, " + seen);
    assertTrue(clientHeight < oneLine + 2, "one line high, " + seen);
    assertTrue(((Number) box.get("textWidth")).doubleValue() <= ((Number) box.get("room")).doubleValue(), "the placeholder fits its width, " + seen);
  }
}
