package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database must not lose an acknowledged message when the server process dies:
 * a real server process is killed with SIGKILL right after acks, then started again.
 */
@ExtendWith(VertxExtension.class)
class CrashDurabilityTest {

  @TempDir
  Path dataDir;

  @Test
  void acknowledgedMessagesSurviveKillNine(Vertx vertx) throws Exception {
    int port = TestNode.freePort();
    Process server = startServer(port);
    String visitorToken;
    String chat;
    try {
      Session session = openChat(vertx, port);
      WebClient http = session.http();
      BridgeClient bus = session.bus();
      visitorToken = session.visitorToken();
      chat = session.conversationId();
      for (int i = 1; i <= 30; i++) {
        await(bus.request("visitor.send", visitorToken, new JsonObject()
            .put("conversationId", chat).put("text", "acked " + i).put("clientMsgId", "k-" + i)));
      }
      // Every one of the 30 was acknowledged; now the process dies without any chance to flush.
      server.destroyForcibly().waitFor();
      bus.close();
      http.close();
    } finally {
      server.destroyForcibly();
    }

    Process restarted = startServer(port);
    try {
      Session session = reconnect(vertx, port);
      WebClient http = session.http();
      BridgeClient bus = session.bus();
      JsonArray messages = await(bus.request("visitor.history", visitorToken, new JsonObject().put("conversationId", chat)))
          .getJsonArray("messages");
      assertEquals(30, messages.size());
      for (int i = 0; i < 30; i++) {
        assertEquals("acked " + (i + 1), messages.getJsonObject(i).getString("text"));
        assertEquals(i + 1, messages.getJsonObject(i).getLong("seq"));
      }
      bus.close();
      http.close();
    } finally {
      restarted.destroyForcibly().waitFor();
    }
  }

  @Test
  void messagesInFlightDuringACrashEndUpStoredExactlyOnceAfterTheClientResends(Vertx vertx) throws Exception {
    int port = TestNode.freePort();
    Process server = startServer(port);
    String visitorToken;
    String chat;
    java.util.Set<Integer> ackedBeforeCrash = java.util.concurrent.ConcurrentHashMap.newKeySet();
    int total = 30; // within the per-sender burst, so the flood limit never decides the outcome
    try {
      Session session = openChat(vertx, port);
      WebClient http = session.http();
      BridgeClient bus = session.bus();
      visitorToken = session.visitorToken();
      chat = session.conversationId();
      // Pipelined, as a client flushing its outbox: many are in flight when the process dies.
      for (int i = 1; i <= total; i++) {
        int n = i;
        bus.request("visitor.send", visitorToken, new JsonObject()
            .put("conversationId", chat).put("text", "in flight " + n).put("clientMsgId", "f-" + n))
            .onSuccess(ack -> ackedBeforeCrash.add(n));
      }
      Thread.sleep(30);
      server.destroyForcibly().waitFor();
      bus.close();
      http.close();
    } finally {
      server.destroyForcibly();
    }

    Process restarted = startServer(port);
    try {
      Session session = reconnect(vertx, port);
      WebClient http = session.http();
      BridgeClient bus = session.bus();
      for (int i = 1; i <= total; i++) {
        JsonObject message = new JsonObject().put("conversationId", chat).put("text", "in flight " + i).put("clientMsgId", "f-" + i);
        while (true) {
          try {
            await(bus.request("visitor.send", visitorToken, message));
            break;
          } catch (BridgeClient.BridgeError e) {
            if (!"rate_limited".equals(e.code())) {
              throw e;
            }
            Thread.sleep(400); // an outbox backs off when told to
          }
        }
      }
      JsonArray messages = new JsonArray();
      long after = 0;
      boolean more = true;
      while (more) {
        JsonObject page = await(bus.request("visitor.history", visitorToken, new JsonObject().put("conversationId", chat).put("afterSeq", after)));
        messages.addAll(page.getJsonArray("messages"));
        after = messages.size();
        more = page.getBoolean("hasMore");
      }
      assertEquals(total, messages.size(), "every message exactly once");
      java.util.Set<String> texts = new java.util.HashSet<>();
      for (int i = 0; i < total; i++) {
        assertEquals(i + 1, messages.getJsonObject(i).getLong("seq"));
        texts.add(messages.getJsonObject(i).getString("text"));
      }
      assertEquals(total, texts.size());
      assertTrue(ackedBeforeCrash.size() < total, "the crash happened while messages were in flight");
      bus.close();
      http.close();
    } finally {
      restarted.destroyForcibly().waitFor();
    }
  }

  /** A client's connections to the server process, and (once opened) its visitor and chat. */
  private record Session(WebClient http, BridgeClient bus, String visitorToken, String conversationId) {}

  /** Waits for the (re)started server, then connects over HTTP and the bridge. */
  private static Session reconnect(Vertx vertx, int port) throws InterruptedException {
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    waitForHealth(http);
    return new Session(http, await(BridgeClient.connect(vertx, port)), null, null);
  }

  /** Connects, puts the admin online and opens a chat for a new visitor. */
  private static Session openChat(Vertx vertx, int port) throws InterruptedException {
    Session connected = reconnect(vertx, port);
    JsonObject admin = await(connected.http().post("/api/v1/agents/login").sendJsonObject(new JsonObject()
        .put("email", TestNode.ADMIN_EMAIL).put("password", TestNode.ADMIN_PASSWORD))).bodyAsJsonObject();
    String visitorToken = await(connected.http().post("/api/v1/sites/demo/visitors").putHeader("Origin", "http://localhost:" + port)
        .sendJsonObject(new JsonObject())).bodyAsJsonObject().getString("token");
    connected.bus().register("agent." + admin.getString("agentId"), admin.getString("token")); // online only with a dashboard open
    await(connected.bus().request("agent.status", admin.getString("token"), new JsonObject().put("status", "online").put("maxChats", 5)));
    String chat = await(connected.bus().request("visitor.requestChat", visitorToken, new JsonObject()))
        .getJsonObject("conversation").getString("id");
    return new Session(connected.http(), connected.bus(), visitorToken, chat);
  }

  private Process startServer(int port) throws IOException {
    return ServerJvm.start(port, dataDir, dataDir.resolve("server-" + System.nanoTime() + ".log"), Map.of());
  }

  private static void waitForHealth(WebClient http) throws InterruptedException {
    ServerJvm.waitForHealth(http, 30);
  }
}
