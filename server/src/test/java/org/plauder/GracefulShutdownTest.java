package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process (started as the jar starts it, from this classpath) while
 * visitors' messages are in flight: every message gets exactly one reply, an ack or the documented
 * {@code 503 shutting_down}; every socket is closed with "going away" so clients reconnect; the
 * process exits within its bound and says what it did in one line; every acked message is in the
 * database after a restart, and the refused ones, resent under the same ids, are stored once.
 */
@ExtendWith(VertxExtension.class)
class GracefulShutdownTest {

  private static final int VISITORS = 4;
  private static final int MESSAGES_EACH = 25; // within the per-sender and per-address bursts
  private static final Pattern SUMMARY = Pattern.compile(
      "stopped: answered (\\d+) in-flight actions and requests \\((\\d+) done, (\\d+) shutting_down\\), closed (\\d+) sockets, "
          + "flushed the database in [0-9.]+ s");

  @TempDir
  Path dataDir;

  /** One message a visitor sent, and how it was answered. */
  private record Sent(int visitor, String clientMsgId, Future<JsonObject> reply) {}

  @Test
  void sigtermAnswersEveryActionTellsClientsToReconnectFlushesAndExitsWithinTheBound(Vertx vertx) throws Exception {
    Path log = dataDir.resolve("first-run.log");
    int port = TestNode.freePort();
    Process server = startServer(vertx, port, log);
    List<BridgeClient> buses = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> chats = new ArrayList<>();
    List<Sent> sent = new ArrayList<>();
    try {
      WebClient http = http(vertx, port);
      JsonObject login = await(http.post("/api/v1/agents/login").sendJsonObject(new JsonObject()
          .put("email", TestNode.ADMIN_EMAIL).put("password", TestNode.ADMIN_PASSWORD))).bodyAsJsonObject();
      String admin = login.getString("token");
      BridgeClient agentBus = await(BridgeClient.connect(vertx, port));
      buses.add(agentBus);
      agentBus.register("agent." + login.getString("agentId"), admin); // online counts only with a dashboard open
      await(agentBus.request("agent.status", admin, new JsonObject().put("status", "online").put("maxChats", VISITORS)));
      for (int v = 0; v < VISITORS; v++) {
        String token = await(http.post("/api/v1/sites/demo/visitors").putHeader("Origin", "http://localhost:" + port)
            .sendJsonObject(new JsonObject())).bodyAsJsonObject().getString("token");
        BridgeClient bus = await(BridgeClient.connect(vertx, port));
        chats.add(await(bus.request("visitor.requestChat", token, new JsonObject())).getJsonObject("conversation").getString("id"));
        tokens.add(token);
        buses.add(bus);
      }
      // A burst from every visitor, pipelined as an outbox flushes; SIGTERM right behind it.
      for (int i = 1; i <= MESSAGES_EACH; i++) {
        for (int v = 0; v < VISITORS; v++) {
          String id = "v" + v + "-" + i;
          sent.add(new Sent(v, id, buses.get(v + 1).request("visitor.send", tokens.get(v), message(chats.get(v), id))));
        }
      }
      long repliedBeforeSigterm = sent.stream().filter(s -> s.reply().isComplete()).count();
      server.destroy();

      assertTrue(server.waitFor(40, TimeUnit.SECONDS), "the process exits within its bound (10 s) and some slack");
      for (BridgeClient bus : buses) {
        assertEquals("1001 shutting_down", await(bus.closed()), "every socket is closed with going-away, so its client reconnects");
      }
      List<String> unanswered = sent.stream().filter(s -> !s.reply().isComplete()).map(Sent::clientMsgId).toList();
      assertEquals(List.of(), unanswered, "every message sent before SIGTERM has its reply before its socket closed");
      for (Sent s : sent) {
        if (s.reply().failed()) {
          BridgeClient.BridgeError e = (BridgeClient.BridgeError) s.reply().cause();
          assertEquals("shutting_down", e.code(), s.clientMsgId() + ": " + e.getMessage());
          assertEquals(503, e.failureCode);
        }
      }
      for (BridgeClient bus : buses.subList(1, buses.size())) {
        assertEquals(List.of(), bus.pendingPushes(), "no second reply to any request");
        assertEquals(List.of(), bus.errorFrames());
      }
      String output = Files.readString(log);
      assertFalse(output.contains("IllegalStateException"), output);
      assertFalse(output.contains("No handlers"), output);
      assertFalse(output.contains("Discarded"), output);
      Matcher summary = SUMMARY.matcher(output);
      assertTrue(summary.find(), "one summary line: " + output);
      String line = summary.group();
      assertEquals(VISITORS + 1, Integer.parseInt(summary.group(4)), line);
      assertFalse(summary.find(), "only one summary line: " + output);
      System.out.println("[shutdown] " + repliedBeforeSigterm + " of " + sent.size() + " replied before SIGTERM; " + line);
    } catch (AssertionError e) {
      System.out.println("[shutdown] the server's log:\n" + Files.readString(log));
      throw e;
    } finally {
      buses.forEach(BridgeClient::close);
      server.destroyForcibly().waitFor();
    }

    int newPort = TestNode.freePort();
    Process restarted = startServer(vertx, newPort, dataDir.resolve("second-run.log"));
    try {
      BridgeClient bus = await(BridgeClient.connect(vertx, newPort));
      Set<String> acked = new HashSet<>();
      for (Sent s : sent) {
        if (s.reply().succeeded()) {
          acked.add(s.clientMsgId());
        }
      }
      for (int v = 0; v < VISITORS; v++) {
        Set<String> stored = storedIds(bus, tokens.get(v), chats.get(v));
        for (Sent s : sent) {
          if (s.visitor() == v && acked.contains(s.clientMsgId())) {
            assertTrue(stored.contains(s.clientMsgId()), "acknowledged " + s.clientMsgId() + " was lost");
          }
        }
        // An outbox resends what was refused, under the same ids: each is stored exactly once.
        for (Sent s : sent) {
          if (s.visitor() == v && !acked.contains(s.clientMsgId())) {
            await(bus.request("visitor.send", tokens.get(v), message(chats.get(v), s.clientMsgId())));
          }
        }
        assertEquals(MESSAGES_EACH, storedIds(bus, tokens.get(v), chats.get(v)).size());
      }
      bus.close();
    } finally {
      restarted.destroyForcibly().waitFor();
    }
  }

  private static JsonObject message(String chat, String clientMsgId) {
    return new JsonObject().put("conversationId", chat).put("text", "text of " + clientMsgId).put("clientMsgId", clientMsgId);
  }

  /** The clientMsgIds stored in a chat, checking that seqs run 1, 2, 3, … and that no id is there twice. */
  private static Set<String> storedIds(BridgeClient bus, String token, String chat) {
    JsonArray messages = new JsonArray();
    boolean more = true;
    while (more) {
      JsonObject page = await(bus.request("visitor.history", token,
          new JsonObject().put("conversationId", chat).put("afterSeq", messages.size())));
      messages.addAll(page.getJsonArray("messages"));
      more = page.getBoolean("hasMore");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonObject m = messages.getJsonObject(i);
      assertEquals(i + 1, m.getLong("seq"), "gap-free seqs");
      assertTrue(ids.add(m.getString("clientMsgId")), "stored twice: " + m.getString("clientMsgId"));
    }
    return ids;
  }

  private Process startServer(Vertx vertx, int port, Path log) throws IOException, InterruptedException {
    Process process = ServerJvm.start(port, dataDir.resolve("data"), log, Map.of("PLAUDER_SHUTDOWN_SECONDS", "10"));
    ServerJvm.waitForHealth(http(vertx, port), 60);
    return process;
  }

  private static WebClient http(Vertx vertx, int port) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }
}
