package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** The client core's bridge connection as the dashboard loads it (/dashboard/client-core.js), against a real node. */
@ExtendWith(VertxExtension.class)
class DashboardBusTest {

  @TempDir
  Path dataDir;

  TestNode node;
  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    driver = Browser.start(800, 600);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    driver.get(node.origin() + "/dashboard/");
    driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/dashboard/client-core.js').then((module) => { window.busModule = module; done(); });
        """);
  }

  @AfterEach
  void stop() {
    driver.quit();
    node.close();
  }

  private Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  @Test
  void backoffGrowsWithJitterAndIsCapped() {
    @SuppressWarnings("unchecked")
    List<Long> delays = (List<Long>) js("""
        const { reconnectDelay, BACKOFF } = window.busModule;
        const backoffDelay = (attempt, random) => reconnectDelay(attempt, random, BACKOFF.agent);
        return [backoffDelay(0, () => 0), backoffDelay(0, () => 1), backoffDelay(3, () => 0), backoffDelay(3, () => 1),
                backoffDelay(30, () => 0), backoffDelay(30, () => 1)];
        """);
    assertEquals(List.of(250L, 500L, 2000L, 4000L, 7500L, 15000L), delays);
  }

  @Test
  void requestsGetRepliesOrCodedErrorsAndTheInboxSurvivesAReconnect() {
    Person agent = node.createAgent("Bea", 2);
    js("""
        const [url, token, inbox] = arguments;
        window.pushes = [];
        window.states = [];
        const { BridgeConnection, BACKOFF } = window.busModule;
        const bus = new BridgeConnection(url, { backoff: BACKOFF.agent, token: () => token, inbox: () => inbox });
        bus.onstate = (s) => window.states.push(s);
        bus.onpush = (body) => window.pushes.push(body);
        bus.open();
        window.bus = bus;
        """, node.origin() + "/eventbus", agent.token(), "agent." + agent.id());
    wait.until(d -> js("return window.states.join(',')").equals("open"));

    @SuppressWarnings("unchecked")
    Map<String, Object> reply = (Map<String, Object>) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        window.bus.request('agent.status', { status: 'online' }).then((r) => done(r.agent), (e) => done({ error: e.code }));
        """);
    assertEquals("online", reply.get("status"));

    Object refused = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        window.bus.request('agent.send', { conversationId: 'nope' }).then(() => done('accepted'), (e) => done(e.code + '/' + e.failureCode));
        """);
    assertEquals("invalid_input/400", refused);

    // the line drops: the bus reconnects by itself and registers the inbox again
    js("window.bus.eventBus.sockJSConn.close();");
    wait.until(d -> js("return window.states.join(',')").equals("open,reconnecting,open"));
    Person visitor = node.newVisitor();
    try (BridgeClient visitorBus = node.bridge()) {
      JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(), new JsonObject()));
      String conversationId = state.getJsonObject("conversation").getString("id");
      wait.until(d -> conversationId.equals(js("""
          const assigned = window.pushes.find((p) => p.type === 'assigned');
          return assigned ? assigned.conversation.id : null;
          """)));
    }

    js("window.bus.close();");
    wait.until(d -> js("return window.states.join(',')").equals("open,reconnecting,open,closed"));
  }
}
