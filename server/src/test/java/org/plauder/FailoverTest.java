package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real two-node failover, as operators run Plauder: the embedded database as its own process,
 * two nodes (each its own JVM) clustered over loopback, Debian's nginx in front of them, sticky per
 * SockJS session. 200 visitors and 10 agents chat through nginx; mid-conversation one node is
 * killed with SIGKILL; every client reconnects through nginx to the survivor and resends what was
 * not acknowledged. Then every acknowledged message is in its conversation exactly once with
 * gap-free seqs, the agents of the dead node were online again within seconds and got new
 * messages, and every active chat belongs to a connected agent.
 */
class FailoverTest {

  static final int VISITORS = 200;
  static final int AGENTS = 10;
  static final int MAX_CHATS = 20;
  static final int MESSAGES_PER_VISITOR = 8;
  /** A generous bound for "within seconds": no flaky wall-clock assertion. */
  static final long BACK_WITHIN_SECONDS = 30;

  @TempDir
  Path dir;

  @Test
  void chatsSurviveTheDeathOfANodeBehindNginx() throws Exception {
    long began = System.nanoTime();
    int dbPort = TestNode.freePort();
    int balancerPort = TestNode.freePort();
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    int clusterA = TestNode.freePort();
    int clusterB = TestNode.freePort();
    String publicUrl = "http://127.0.0.1:" + balancerPort;
    Vertx vertx = Vertx.vertx();
    List<Process> processes = new ArrayList<>();
    Nginx nginx = null;
    FailoverCrowd crowd = null;
    try {
      processes.add(ServerJvm.startDatabase(dbPort, dir.resolve("db"), dir.resolve("db.log")));
      String mongoUri = Files.readString(dir.resolve("db").resolve("database.uri")).trim();
      Map<String, String> env = new HashMap<>(Map.of(
          "PLAUDER_MONGO_URI", mongoUri,
          "PLAUDER_CLUSTER_MEMBERS", "127.0.0.1:" + clusterA + ",127.0.0.1:" + clusterB,
          "PLAUDER_CLUSTER_NAME", "plauder-failover-" + UUID.randomUUID(),
          "PLAUDER_PUBLIC_URL", publicUrl,
          "PLAUDER_TRUSTED_PROXIES", "127.0.0.1"));
      // A slot the killed node took but never handed over is given back after two looks this far apart.
      env.put("PLAUDER_SLOT_AUDIT_SECONDS", "2");
      env.put("PLAUDER_CLUSTER_PORT", String.valueOf(clusterA));
      Process nodeA = ServerJvm.start(portA, dir.resolve("a"), dir.resolve("a.log"), env);
      processes.add(nodeA);
      // One after the other: the first start creates the demo site and the admin.
      ServerJvm.waitForHealth(client(vertx, portA), 60);
      env.put("PLAUDER_CLUSTER_PORT", String.valueOf(clusterB));
      Process nodeB = ServerJvm.start(portB, dir.resolve("b"), dir.resolve("b.log"), env);
      processes.add(nodeB);
      ServerJvm.waitForHealth(client(vertx, portB), 60);
      nginx = Nginx.start(dir.resolve("nginx"), balancerPort, List.of(portA, portB));
      WebClient http = client(vertx, balancerPort);

      assertSockJsSessionsAreSticky(http);

      String admin = login(http, TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
      crowd = new FailoverCrowd(vertx, balancerPort, MESSAGES_PER_VISITOR, MAX_CHATS);
      for (int i = 0; i < AGENTS; i++) {
        String email = "agent-" + i + "@failover.plauder.local";
        call(http.post("/api/v1/agents").bearerTokenAuthentication(admin), new JsonObject().put("email", email)
            .put("password", "failover-" + i).put("name", "Agent " + i).put("maxChats", MAX_CHATS), 201);
        JsonObject agent = call(http.post("/api/v1/agents/login"),
            new JsonObject().put("email", email).put("password", "failover-" + i), 200);
        crowd.addAgent(agent.getString("agentId"), agent.getString("token"));
      }
      List<io.vertx.core.Future<HttpResponse<Buffer>>> minted = new ArrayList<>();
      for (int i = 0; i < VISITORS; i++) { // minted through nginx, as the widget does
        minted.add(http.post("/api/v1/sites/demo/visitors").putHeader("Origin", publicUrl).sendJsonObject(new JsonObject()));
      }
      for (var mint : minted) {
        HttpResponse<Buffer> response = await(mint);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        crowd.addVisitor(response.bodyAsJsonObject().getString("visitorId"), response.bodyAsJsonObject().getString("token"));
      }

      FailoverCrowd c = crowd;
      System.out.println("failover: set up in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began) + " s");
      var finished = crowd.run();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (crowd.visitorsPast(3) < VISITORS) { // mid-conversation: everyone has a chat and a few messages acked
        assertTrue(System.nanoTime() < deadline, () -> "the chats did not get going: " + progress(c));
        Thread.sleep(100);
      }
      long killedAt = System.nanoTime();
      nodeB.destroyForcibly().waitFor(); // SIGKILL
      System.out.println("failover: node B killed at " + TimeUnit.NANOSECONDS.toSeconds(killedAt - began) + " s");
      try {
        finished.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the clients did not finish within 90 s after the kill: " + progress(c));
      }

      System.out.println("failover: clients done at " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began) + " s; "
          + progress(crowd));
      assertClientsOfTheDeadNodeCameBack(crowd, killedAt);
      assertEveryAcknowledgedMessageIsStoredOnce(http, admin, crowd);
      assertEveryActiveChatHasAConnectedAgent(http, admin, crowd);
    } finally {
      if (crowd != null) {
        try {
          await(crowd.close());
        } catch (RuntimeException | AssertionError ignored) {
          // the sockets go with the processes anyway
        }
      }
      if (nginx != null) {
        nginx.close();
      }
      for (Process p : processes) {
        p.destroy();
      }
      for (Process p : processes) {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      }
      await(vertx.close());
      keepLogs();
    }
  }

  /** The processes' logs, for whoever reads a failure: in target/failover-logs. */
  private void keepLogs() throws java.io.IOException {
    Path target = Path.of("target", "failover-logs");
    Files.createDirectories(target);
    for (String name : List.of("db.log", "a.log", "b.log", "nginx/error.log")) {
      if (Files.exists(dir.resolve(name))) {
        Files.copy(dir.resolve(name), target.resolve(name.replace('/', '-')), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** XHR polling sessions: a session opened on one node only exists there, so its sends must reach that node. */
  private static void assertSockJsSessionsAreSticky(WebClient http) {
    for (int i = 0; i < 20; i++) {
      String session = "/eventbus/" + (100 + i) + "/" + UUID.randomUUID().toString().replace("-", "");
      HttpResponse<Buffer> open = await(http.post(session + "/xhr").send());
      assertEquals(200, open.statusCode());
      assertTrue(open.bodyAsString().startsWith("o"), open.bodyAsString());
      HttpResponse<Buffer> send = await(http.post(session + "/xhr_send").putHeader("Content-Type", "text/plain")
          .sendBuffer(Buffer.buffer("[\"{\\\"type\\\":\\\"ping\\\"}\"]")));
      assertEquals(204, send.statusCode(), "xhr_send reached a node without the session");
    }
  }

  private static void assertClientsOfTheDeadNodeCameBack(FailoverCrowd crowd, long killedAt) {
    List<FailoverCrowd.Agent> lost = crowd.agents.stream().filter(a -> a.lostAt != 0).toList();
    long lostVisitors = crowd.visitors.stream().filter(v -> v.lostAt != 0).count();
    assertTrue(!lost.isEmpty() && lostVisitors > 0,
        "nginx should have spread the clients over both nodes: agents lost " + lost.size() + ", visitors lost " + lostVisitors);
    for (FailoverCrowd.Agent agent : lost) {
      assertTrue(agent.lostAt >= killedAt, "agent " + agent.index + " lost its socket before the kill");
      assertNotNull(agent.statusAfterReconnect, "agent " + agent.index + " never said it was online again");
      assertEquals("online", agent.statusAfterReconnect);
      assertTrue(agent.firstMessageAfterReconnect != 0, "agent " + agent.index + " got no new message after reconnecting");
      long seconds = TimeUnit.NANOSECONDS.toSeconds(agent.firstMessageAfterReconnect - agent.reconnectedAt);
      assertTrue(TimeUnit.NANOSECONDS.toSeconds(agent.onlineAgainAt - agent.reconnectedAt) <= BACK_WITHIN_SECONDS
          && seconds <= BACK_WITHIN_SECONDS, "agent " + agent.index + " took " + seconds + " s to get a new message");
    }
    crowd.agents.forEach(a -> assertTrue(a.socket != null && !a.socket.isClosed(), "agent " + a.index + " is not connected"));
  }

  private static void assertEveryAcknowledgedMessageIsStoredOnce(WebClient http, String admin, FailoverCrowd crowd) {
    Set<String> conversations = new HashSet<>();
    for (FailoverCrowd.Visitor visitor : crowd.visitors) {
      assertNotNull(visitor.conversationId, "visitor " + visitor.index + " has no chat");
      assertTrue(conversations.add(visitor.conversationId), "two visitors share a chat");
      Map<String, Long> acks = crowd.acked.get(visitor.conversationId);
      for (int k = 1; k <= MESSAGES_PER_VISITOR; k++) {
        assertTrue(acks.containsKey("v" + visitor.index + "-" + k), "visitor " + visitor.index + " message " + k + " never acked");
      }
    }
    assertEquals(conversations, crowd.acked.keySet(), "acks for conversations no visitor has");
    for (String id : conversations) {
      JsonArray messages = call(http.get("/api/v1/conversations/" + id + "/transcript?format=json")
          .bearerTokenAuthentication(admin), null, 200).getJsonArray("messages");
      Map<String, Long> stored = new HashMap<>();
      for (int i = 0; i < messages.size(); i++) {
        JsonObject m = messages.getJsonObject(i);
        assertEquals(i + 1, m.getLong("seq"), "seqs of " + id + " have a gap");
        assertTrue(stored.put(m.getString("clientMsgId"), m.getLong("seq")) == null,
            "message " + m.getString("clientMsgId") + " is stored twice in " + id);
      }
      crowd.acked.get(id).forEach((clientMsgId, seq) ->
          assertEquals(seq, stored.get(clientMsgId), "acked message " + clientMsgId + " in " + id));
    }
  }

  private static void assertEveryActiveChatHasAConnectedAgent(WebClient http, String admin, FailoverCrowd crowd) {
    Set<String> connected = new HashSet<>();
    crowd.agents.forEach(a -> connected.add(a.id));
    // A chat whose hand-over the killed node did not finish waits until the survivor gives the
    // slot back (SlotAudit, every 2 s here) and drains the queue.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonArray active = activeChats(http, admin);
    while (active.size() != VISITORS && System.nanoTime() < deadline) {
      sleep(500);
      active = activeChats(http, admin);
    }
    if (active.size() != VISITORS) {
      JsonArray queued = call(http.get("/api/v1/conversations?status=queued").bearerTokenAuthentication(admin), null, 200)
          .getJsonArray("conversations");
      JsonArray agents = call(http.get("/api/v1/agents").bearerTokenAuthentication(admin), null, 200).getJsonArray("agents");
      throw new AssertionError(active.size() + " of " + VISITORS + " chats are active; queued: " + queued.encode() + "; agents: " + agents.encode());
    }
    for (int i = 0; i < active.size(); i++) {
      String agent = active.getJsonObject(i).getString("agentId");
      assertTrue(connected.contains(agent), "chat " + active.getJsonObject(i).getString("id") + " is with agent " + agent);
    }
  }

  private static JsonArray activeChats(WebClient http, String admin) {
    return call(http.get("/api/v1/conversations?status=active").bearerTokenAuthentication(admin), null, 200)
        .getJsonArray("conversations");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String progress(FailoverCrowd crowd) {
    return crowd.visitorsPast(3) + " visitors past 3 acks, " + crowd.visitorsPast(MESSAGES_PER_VISITOR) + "/" + VISITORS + " visitors done, reconnects " + crowd.reconnects
        + ", late replies " + (crowd.visitors.stream().mapToLong(v -> v.lateReplies()).sum()
        + crowd.agents.stream().mapToLong(a -> a.lateReplies()).sum()) + ", " + failures(crowd);
  }

  private static String failures(FailoverCrowd crowd) {
    return "failed requests (resent): " + crowd.failures;
  }

  private static WebClient client(Vertx vertx, int port) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  private static String login(WebClient http, String email, String password) {
    return call(http.post("/api/v1/agents/login"), new JsonObject().put("email", email).put("password", password), 200)
        .getString("token");
  }

  private static JsonObject call(io.vertx.ext.web.client.HttpRequest<Buffer> request, JsonObject body, int expected) {
    HttpResponse<Buffer> response = await(body == null ? request.send() : request.sendJsonObject(body));
    assertEquals(expected, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
