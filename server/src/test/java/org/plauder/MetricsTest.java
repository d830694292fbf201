package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;
import org.plauder.metrics.NodeMetrics;
import org.plauder.metrics.PrometheusText;

/** The metrics endpoint of a real node: only with the token, and what it shows after a real chat over the bridge. */
@ExtendWith(VertxExtension.class)
class MetricsTest {

  private static final String TOKEN = "scrape-token-0123456789abcdef";

  @TempDir
  Path dataDir;

  @Test
  void aChatShowsUpInTheMetricsThatOnlyTheTokenMayRead() {
    NodeMetrics metrics = NodeMetrics.on(TOKEN);
    Vertx vertx = metrics.vertxBuilder(new VertxOptions()).build();
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir, null).withMetricsToken(TOKEN), metrics);
    try {
      OnlineAgent agent = node.onlineAgent("Anna", 3);
      Person visitor = node.newVisitor();
      BridgeClient visitorBus = node.bridge();
      visitorBus.register("visitor." + visitor.id(), visitor.token());
      String conversationId = chat(agent, visitor, visitorBus);

      assertEquals(401, scrape(node, null).statusCode());
      assertEquals(401, scrape(node, "not-the-" + TOKEN).statusCode());
      assertEquals("Bearer realm=\"metrics\"", scrape(node, null).getHeader("WWW-Authenticate"));

      // Listeners hear the events a moment after the acks: read until they have.
      PrometheusText text = scrapeUntil(node, t -> t.sum("plauder_messages_total", "sender", "visitor") == 3
          && t.sum("plauder_agents_online", "site", "demo") == 1);
      assertEquals(1, text.sum("plauder_messages_total", "sender", "agent"));
      assertEquals(0, text.sum("plauder_messages_total", "sender", "system"));
      assertTrue(text.sum("plauder_ack_latency_seconds_count", "action", "visitor.send", "outcome", "ok") >= 2);
      assertTrue(text.sum("plauder_ack_latency_seconds_bucket", "action", "visitor.send", "le", "+Inf") >= 2);
      assertTrue(text.sum("plauder_ack_latency_seconds_count", "action", "agent.send") >= 1);
      assertEquals(1, text.sum("plauder_assign_latency_seconds_count", "reason", "lowest_load"));
      assertEquals(0, text.sum("plauder_queue_length", "site", "demo"));
      assertEquals(0, text.sum("plauder_queue_oldest_wait_seconds", "site", "demo"));
      assertTrue(text.sum("plauder_visitors_online") >= 1, "the visitor's socket is open");

      assertTrue(text.sum("vertx_http_server_requests_total", "method", "POST") >= 1, "Vert.x's HTTP server metrics");
      assertTrue(text.sum("vertx_http_server_active_ws_connections") >= 2, "the bridge sockets of visitor and agent");
      assertTrue(text.has("vertx_eventbus_handlers"), "Vert.x's event-bus metrics");
      assertTrue(text.has("vertx_pool_completed_total", "pool_type", "worker"), "Vert.x's pool metrics");
      assertTrue(text.sum("jvm_memory_used_bytes", "area", "heap") > 0, "JVM metrics");
      assertTrue(text.has("jvm_threads_live_threads") && text.has("process_cpu_usage"), "JVM threads and CPU");
      assertTrue(text.sum("mongodb_driver_commands_seconds_count", "command", "insert", "status", "SUCCESS") >= 4,
          "the driver's command latency");
      assertTrue(text.has("mongodb_driver_pool_size"), "the driver's connection pool");

      for (String value : text.labelValues()) {
        assertFalse(value.contains(visitor.id()) || value.contains(conversationId) || value.contains(agent.person().id()),
            "no label names a person or a conversation: " + value);
      }
      visitorBus.close();
      agent.bus().close();
    } finally {
      node.close();
      await(vertx.close());
      metrics.close();
    }
  }

  @Test
  void anAgentCountsAsOnlineOnlyWhileADashboardOfItsIsOpen() {
    NodeMetrics metrics = NodeMetrics.on(TOKEN);
    Vertx vertx = metrics.vertxBuilder(new VertxOptions()).build();
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir, null).withMetricsToken(TOKEN), metrics);
    try {
      OnlineAgent anna = node.onlineAgent("Anna", 3);
      OnlineAgent ben = node.onlineAgent("Ben", 3);
      scrapeUntil(node, t -> t.sum("plauder_agents_online", "site", "demo") == 2);

      ben.bus().close(); // Ben's dashboard is gone; he stays "online" for the grace period, but takes no chat
      scrapeUntil(node, t -> t.sum("plauder_agents_online", "site", "demo") == 1);
      JsonArray agents = await(node.http.get("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token()).send())
          .bodyAsJsonObject().getJsonArray("agents");
      assertTrue(agents.stream().map(JsonObject.class::cast)
              .anyMatch(a -> a.getString("id").equals(ben.person().id()) && "online".equals(a.getString("status"))),
          "the gauge follows the dashboards, not the status: " + agents.encode());
      anna.bus().close();
    } finally {
      node.close();
      await(vertx.close());
      metrics.close();
    }
  }

  @Test
  void withoutATokenThereIsNoMetricsEndpointAndChatWorksAsBefore(Vertx vertx) {
    TestNode node = TestNode.start(vertx, dataDir);
    try {
      assertFalse(node.server.services().metrics().enabled());
      assertEquals(404, scrape(node, null).statusCode());
      assertEquals(404, scrape(node, TOKEN).statusCode());

      OnlineAgent agent = node.onlineAgent("Anna", 3);
      Person visitor = node.newVisitor();
      BridgeClient visitorBus = node.bridge();
      visitorBus.register("visitor." + visitor.id(), visitor.token());
      chat(agent, visitor, visitorBus);
      assertEquals(200, await(node.http.get("/health").send()).statusCode());
      visitorBus.close();
      agent.bus().close();
    } finally {
      node.close();
    }
  }

  /** A chat of four messages: three from the visitor (the first opens it), one from the agent; returns its id. */
  private static String chat(OnlineAgent agent, Person visitor, BridgeClient visitorBus) {
    JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(),
        new JsonObject().put("name", "Eva").put("text", "Hallo, wo ist mein Paket?").put("clientMsgId", "v-1")));
    assertEquals("active", state.getString("status"));
    String conversationId = state.getJsonObject("conversation").getString("id");
    for (int i = 2; i <= 3; i++) {
      await(visitorBus.request("visitor.send", visitor.token(),
          new JsonObject().put("conversationId", conversationId).put("text", "Noch da? " + i).put("clientMsgId", "v-" + i)));
    }
    JsonObject ack = await(agent.bus().request("agent.send", agent.person().token(),
        new JsonObject().put("conversationId", conversationId).put("text", "Ja, es kommt morgen.").put("clientMsgId", "a-1")));
    assertEquals(4, ack.getLong("seq"));
    return conversationId;
  }

  private static HttpResponse<Buffer> scrape(TestNode node, String token) {
    HttpRequest<Buffer> request = node.http.get("/metrics");
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return await(request.send());
  }

  private static PrometheusText scrapeUntil(TestNode node, Predicate<PrometheusText> ready) {
    PrometheusText text = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      HttpResponse<Buffer> response = scrape(node, TOKEN);
      assertEquals(200, response.statusCode());
      assertTrue(response.getHeader("Content-Type").startsWith("text/plain; version=0.0.4"));
      text = PrometheusText.parse(response.bodyAsString());
      if (ready.test(text)) {
        return text;
      }
      sleep(100);
    }
    throw new AssertionError("the metrics never showed the chat: " + text.find("plauder_messages_total") + " "
        + text.find("plauder_agents_online"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
