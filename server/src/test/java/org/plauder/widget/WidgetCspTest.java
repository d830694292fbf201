package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
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

/** The widget on a page whose Content-Security-Policy allows only the widget's script and its server. */
class WidgetCspTest extends WidgetBrowserTest {

  HttpServer strictSite;

  @AfterEach
  void stopStrictSite() {
    if (strictSite != null) {
      await(strictSite.close());
    }
  }

  @Test
  void underAStrictPagePolicyTheWidgetKeepsItsStylesAndChatsWithoutAViolation(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    Person agent = node.createAgent("Cem", 2);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));

    // The policy README.md asks of a host page, and nothing more: no 'unsafe-inline' anywhere.
    String server = "localhost:" + node.port();
    String policy = "default-src 'none'; script-src http://" + server + "; connect-src http://" + server + " ws://" + server;
    String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Strict shop</title></head>"
        + "<body><h1>Strict shop</h1>"
        + "<script src=\"http://" + server + "/widget.js\" data-site=\"demo\" data-lang=\"de\" data-color=\"#8a2be2\" async></script>"
        + "</body></html>";
    strictSite = await(vertx.createHttpServer()
        .requestHandler(req -> req.response().putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Content-Security-Policy", policy).end(page))
        .listen(0, "127.0.0.1"));

    driver = Browser.start(1280, 800);
    // Injected by the browser's DevTools before the page's scripts, which the page's policy does not govern.
    WidgetPage widget = new WidgetPage(driver).beforeEveryPage("window.__cspViolations = [];"
        + " document.addEventListener('securitypolicyviolation', function (e) {"
        + " window.__cspViolations.push(e.effectiveDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber); }, true);");
    widget.load("http://127.0.0.1:" + strictSite.actualPort() + "/");

    // The widget's CSS applies: the launcher is the 60-px round button in the data-color.
    widget.waiting().withMessage(() -> "launcher styled, violations: " + violations(widget))
        .until(d -> "rgba(138, 43, 226, 1)".equals(widget.find(".launcher").getCssValue("background-color")));
    assertEquals("60px", widget.find(".launcher").getCssValue("width"));
    assertEquals("50%", widget.find(".launcher").getCssValue("border-top-left-radius"));
    assertEquals("fixed", widget.js("return getComputedStyle(document.getElementById('plauder-widget')).position;"));

    widget.find(".launcher").click();
    widget.waitVisible("textarea");
    assertEquals("370px", widget.find(".panel").getCssValue("width"));
    widget.find("textarea").sendKeys("Hallo trotz CSP", Keys.ENTER);
    String conversationId = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
    await(agentBus.request("agent.send", agent.token(), new JsonObject()
        .put("conversationId", conversationId).put("text", "Kommt an").put("clientMsgId", "c-1")));
    widget.waitText(".log", "Kommt an");
    widget.waitText(".status", "Cem ist für Sie da");
    assertEquals(List.of("Hallo trotz CSP", "Kommt an"), widget.bubbles());
    Browser.screenshot(driver, "widget-strict-csp-1280x800");

    assertEquals(List.of(), violations(widget), "the page's policy blocked nothing of the widget");
    // The listener does hear this page's violations: an inline <style> is refused and reported.
    widget.js("var s = document.createElement('style'); s.textContent = 'h1 { color: red }'; document.head.appendChild(s);");
    widget.waiting().withMessage("the probe's violation is reported")
        .until(d -> violations(widget).stream().anyMatch(v -> v.startsWith("style-src-elem")));
  }

  @SuppressWarnings("unchecked")
  static List<String> violations(WidgetPage widget) {
    return (List<String>) widget.js("return window.__cspViolations || ['listener missing'];");
  }
}
