package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.BridgeClient;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** The widget embedded on another origin than the chat server's, on a page with hostile CSS. */
class WidgetEmbedTest extends WidgetBrowserTest {

  HttpServer otherSite;

  @AfterEach
  void stopOtherSite() {
    if (otherSite != null) {
      await(otherSite.close());
    }
  }

  @Test
  void onAnotherOriginTheWidgetTalksToTheServerItWasLoadedFromAndKeepsItsLooks(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    Person agent = node.createAgent("Cem", 2);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));

    String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Another shop</title>"
        + "<style>* { color: rgb(255, 0, 0) !important; font-family: monospace !important; }"
        + " button { background: yellow !important; } h2 { font-size: 60px !important; }</style></head>"
        + "<body><h1>Another shop</h1>"
        + "<script src=\"http://localhost:" + node.port() + "/widget.js\" data-site=\"demo\" data-lang=\"de\""
        + " data-color=\"#8a2be2\" data-position=\"left\" async></script></body></html>";
    otherSite = await(vertx.createHttpServer()
        .requestHandler(req -> req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page))
        .listen(0, "127.0.0.1"));

    driver = Browser.start(1280, 800);
    WidgetPage widget = new WidgetPage(driver).load("http://127.0.0.1:" + otherSite.actualPort() + "/");
    assertEquals("Chat öffnen", widget.find(".launcher").getDomAttribute("aria-label"), "data-lang wins over the page's lang");
    assertEquals("rgba(138, 43, 226, 1)", widget.find(".launcher").getCssValue("background-color"), "data-color");
    assertTrue(((Number) widget.js("return document.getElementById('plauder-widget').shadowRoot"
        + ".querySelector('.launcher').getBoundingClientRect().left;")).doubleValue() < 100, "data-position=left");

    widget.find(".launcher").click();
    widget.waitVisible("textarea");
    widget.find("textarea").sendKeys("Hallo von nebenan", Keys.ENTER);
    String conversationId = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Hallo zurück").put("clientMsgId", "c-1")));
    widget.waitText(".log", "Hallo zurück");
    widget.waitText(".status", "Cem ist für Sie da");

    // The page's CSS does not reach into the widget.
    assertNotEquals("rgba(255, 0, 0, 1)", widget.find(".status").getCssValue("color"));
    assertNotEquals("60px", widget.find("h2").getCssValue("font-size"));
    assertTrue(!widget.find("h2").getCssValue("font-family").contains("monospace"));
    assertNotEquals("rgba(255, 255, 0, 1)", widget.find(".send").getCssValue("background-color"));
    // … and the widget's CSS does not reach out.
    assertEquals("rgba(255, 0, 0, 1)", driver.findElement(org.openqa.selenium.By.tagName("h1")).getCssValue("color"));
    Browser.screenshot(driver, "widget-other-origin-1280x800");
  }
}
