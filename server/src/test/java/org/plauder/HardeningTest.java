package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/** Hostile and careless clients get clear refusals, change nothing, and the server keeps serving. */
@ExtendWith(VertxExtension.class)
class HardeningTest {

  @TempDir
  Path dataDir;

  Vertx vertx;
  TestNode node;
  Person agent;
  BridgeClient bus;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.start(vertx, dataDir);
    agent = node.createAgent("Anna", 3);
    bus = node.bridge();
    bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
  }

  private void assertStillServing() {
    assertEquals(200, await(node.http.get("/health").send()).statusCode());
    assertTrue(await(bus.request("agent.conversations", agent.token(), new JsonObject())).containsKey("active"));
  }

  @Test
  void aMessageFloodIsCutShortWithAClearErrorAndOnlyAcknowledgedMessagesAreStored() throws Exception {
    Person visitor = node.newVisitor();
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject())).getJsonObject("conversation").getString("id");
    List<Future<JsonObject>> sends = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      sends.add(bus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", chat).put("text", "flood " + i).put("clientMsgId", "f-" + i)));
    }
    await(Future.join(sends).otherwiseEmpty()); // join fails when any failed; the outcomes are read below
    long acked = sends.stream().filter(Future::succeeded).count();
    long limited = sends.stream().filter(f -> f.failed()
        && "rate_limited".equals(((BridgeClient.BridgeError) f.cause()).code())
        && ((BridgeClient.BridgeError) f.cause()).failureCode == 429).count();
    assertTrue(limited > 0, "some of 80 messages at once are refused");
    assertEquals(80, acked + limited);
    JsonObject history = await(bus.request("agent.history", agent.token(), new JsonObject().put("conversationId", chat)));
    assertEquals(acked, history.getJsonArray("messages").size());
    Thread.sleep(1100);
    await(bus.request("visitor.send", visitor.token(), new JsonObject()
        .put("conversationId", chat).put("text", "after a pause").put("clientMsgId", "calm-1")));
  }

  @Test
  void aSocketRegisteringHandlerAfterHandlerIsCutOff() throws Exception {
    Person visitor = node.newVisitor();
    BridgeClient greedy = node.bridge();
    for (int i = 0; i < 100 && !greedy.isClosed(); i++) {
      greedy.register("visitor." + visitor.id(), visitor.token());
      Thread.sleep(5);
    }
    long deadline = System.currentTimeMillis() + 3000;
    while (!greedy.isClosed() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(greedy.isClosed());
    assertStillServing();
  }

  @Test
  void pagesOfOriginsTheSiteDoesNotAllowCannotUseTheBridge() throws Exception {
    Person visitor = node.newVisitor();
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.port())
        .setURI("/eventbus/websocket").addHeader("Origin", "https://evil.example")));
    List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
    ws.handler(b -> frames.add(b.toString(StandardCharsets.UTF_8)));
    String token = new JsonObject().put("token", visitor.token()).encode();
    ws.writeTextMessage("{\"type\":\"register\",\"address\":\"visitor." + visitor.id() + "\",\"headers\":" + token + "}");
    ws.writeTextMessage("{\"type\":\"send\",\"address\":\"visitor.history\",\"headers\":" + token + ",\"body\":{},\"replyAddress\":\"r1\"}");
    ws.writeTextMessage("{\"type\":\"send\",\"address\":\"agent.conversations\",\"headers\":{\"token\":\"" + agent.token()
        + "\"},\"body\":{},\"replyAddress\":\"r2\"}");
    long deadline = System.currentTimeMillis() + 3000;
    while (frames.size() < 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(3, frames.stream().filter(f -> f.contains("\"rejected\"")).count(), frames.toString());
    assertTrue(frames.stream().noneMatch(f -> f.contains("\"r1\"") || f.contains("\"r2\"")));
    ws.close();
    client.close();
  }

  @Test
  void agentSocketsMustComeFromTheServersOwnOriginSchemeAndPortIncluded() throws Exception {
    int port = node.port();
    for (String origin : List.of("https://127.0.0.1:" + port, "http://127.0.0.1:" + (port + 1), "http://evil.example")) {
      WebSocketClient client = vertx.createWebSocketClient();
      WebSocket ws = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/eventbus/websocket").addHeader("Origin", origin)));
      List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
      ws.handler(b -> frames.add(b.toString(StandardCharsets.UTF_8)));
      ws.writeTextMessage("{\"type\":\"send\",\"address\":\"agent.conversations\",\"headers\":{\"token\":\"" + agent.token()
          + "\"},\"body\":{},\"replyAddress\":\"r1\"}");
      long deadline = System.currentTimeMillis() + 3000;
      while (frames.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(List.of("{\"type\":\"err\",\"body\":\"rejected\"}"), frames, origin);
      ws.close();
      client.close();
    }
    assertStillServing(); // the dashboard's own origin, http://127.0.0.1:<port>, is served
  }

  @Test
  void oversizedFramesAreRefusedOnWebSocketAndOnTheXhrFallback() throws Exception {
    Person visitor = node.newVisitor();
    String huge = "x".repeat(200 * 1024);
    BridgeClient victim = node.bridge();
    victim.send(new JsonObject().put("type", "send").put("address", "visitor.history")
        .put("headers", new JsonObject().put("token", visitor.token())).put("body", new JsonObject().put("pad", huge)));
    long deadline = System.currentTimeMillis() + 3000;
    while (!victim.isClosed() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(victim.isClosed(), "a frame over the limit closes the socket");

    var xhr = await(node.http.post("/eventbus/000/abcdefgh/xhr_send").putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("[\"" + huge + "\"]")));
    assertEquals(413, xhr.statusCode());
    assertStillServing();
  }

  @Test
  void anAgentSocketThatStopsPingingIsClosedWhileASilentVisitorKeepsItsSocket() throws Exception {
    Person bert = node.createAgent("Bert", 3);
    Person visitor = node.newVisitor();
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket silentAgent = silentSocket(client, "agent." + bert.id(), bert.token());
    WebSocket silentVisitor = silentSocket(client, "visitor." + visitor.id(), visitor.token());
    long deadline = System.currentTimeMillis() + 25_000;
    while (!silentAgent.isClosed() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(silentAgent.isClosed(), "a dashboard that stopped pinging is dropped after 15 s");
    // Visitors ping every 25 s and are dropped only after 60 s without one: a phone's late ping costs nothing.
    assertFalse(silentVisitor.isClosed(), "a visitor silent for as long is still connected");
    assertStillServing(); // the agent whose dashboard pings kept its socket
    client.close();
  }

  /** A raw bridge socket registered on {@code inbox} that never pings. */
  private WebSocket silentSocket(WebSocketClient client, String inbox, String token) {
    WebSocket socket = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.port())
        .setURI("/eventbus/websocket")));
    socket.writeTextMessage("{\"type\":\"register\",\"address\":\"" + inbox + "\",\"headers\":{\"token\":\"" + token + "\"}}");
    return socket;
  }

  @Test
  void framesThatAreNotJsonGetAnErrorAndOthersAreServedOn() throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.port())
        .setURI("/eventbus/websocket")));
    List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
    ws.handler(b -> frames.add(b.toString(StandardCharsets.UTF_8)));
    ws.writeTextMessage("this is not json {");
    ws.writeTextMessage("[1,2,3]");
    long deadline = System.currentTimeMillis() + 3000;
    while (frames.isEmpty() && !ws.isClosed() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(ws.isClosed() || frames.stream().anyMatch(f -> f.contains("\"err\"")),
        "the client is told (or cut off), not ignored: " + frames);
    client.close();
    assertStillServing();
  }

  @Test
  void webSocketCompressionIsNeverNegotiated() {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(true));
    WebSocket ws = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.port())
        .setURI("/eventbus/websocket")));
    assertNull(ws.headers().get("Sec-WebSocket-Extensions"), "no permessage-deflate, so no decompression bomb either");
    ws.close();
    client.close();
  }

  @Test
  void guessedReplyAddressesAndTokensWithoutExpiryAreRefused() throws Exception {
    bus.send(new JsonObject().put("type", "send").put("address", "__vertx.reply.1")
        .put("headers", new JsonObject().put("token", agent.token())).put("body", new JsonObject()));
    await(bus.request("agent.conversations", agent.token(), new JsonObject()));
    assertTrue(bus.errorFrames().contains("rejected"));

    String noExpiry = Jwts.builder().subject(agent.id()).audience().add("agent").and().claim("site", "demo")
        .signWith(Keys.hmacShaKeyFor(TestNode.SECRET.getBytes(StandardCharsets.UTF_8))).compact();
    assertEquals("token_invalid", assertRefused(bus.request("agent.conversations", noExpiry, new JsonObject())).code());
  }

  @Test
  void anotherSitesConversationIsNotFoundOverTheBridge() {
    Person visitor = node.newVisitor();
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject())).getJsonObject("conversation").getString("id");
    Person foreign = node.agentOfAnotherSite("admin");
    for (String action : List.of("agent.history", "agent.close", "agent.take")) {
      assertEquals("not_found", assertRefused(bus.request(action, foreign.token(), new JsonObject().put("conversationId", chat))).code());
    }
    assertEquals("not_found", assertRefused(bus.request("agent.invite", foreign.token(),
        new JsonObject().put("visitorId", visitor.id()).put("text", "hi"))).code());
    assertEquals("active", await(bus.request("visitor.history", visitor.token(), new JsonObject())).getString("status"));

    // ... and another site's agent is not a colleague: no transfer to it, no admin change of it.
    Person foreignAgent = node.agentOfAnotherSite("agent");
    assertEquals("not_found", assertRefused(bus.request("agent.transfer", agent.token(),
        new JsonObject().put("conversationId", chat).put("toAgentId", foreignAgent.id()))).code());
    var patch = await(node.http.patch("/api/v1/agents/" + foreignAgent.id()).bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("disabled", true)));
    assertEquals(404, patch.statusCode());
    assertEquals(200, await(node.http.get("/api/v1/agents").bearerTokenAuthentication(foreignAgent.token()).send()).statusCode(),
        "the other site's agent is untouched");
  }

  @Test
  void theDashboardIsServedWithAStrictContentSecurityPolicy() {
    var page = await(node.http.get("/dashboard/").send());
    assertEquals(200, page.statusCode());
    String csp = page.getHeader("Content-Security-Policy");
    assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
  }
}
