package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.auth.Identity;
import org.plauder.auth.Tokens;
import org.plauder.visitor.Visitor;

/** Only verified identities get in, and each only to what is its own. */
@ExtendWith(VertxExtension.class)
class SecurityTest {

  @TempDir
  Path dataDir;

  TestNode node;
  final TravellingClock clock = new TravellingClock();
  BridgeClient bus;
  Person visitor;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, TestNode.config(dataDir, null), clock);
    bus = node.bridge();
    visitor = node.newVisitor();
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
  }

  private String code(String address, String token) {
    return assertRefused(bus.request(address, token, new JsonObject())).code();
  }

  @Test
  void forgedExpiredWrongAudienceAndUnsignedTokensAreRefusedOnTheBridge() {
    String forged = new Tokens("another-secret-that-is-long-enough-0123456789abcdef", Clock.systemUTC())
        .issue(Identity.visitor(visitor.id(), "demo"));
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(31)), ZoneOffset.UTC);
    String expired = new Tokens(TestNode.SECRET, past).issue(Identity.visitor(visitor.id(), "demo"));
    String unsigned = unsignedToken(visitor.id());
    Person agent = node.createAgent("Agent", 2);

    assertEquals("token_invalid", code("visitor.history", forged));
    assertEquals("token_expired", code("visitor.history", expired));
    assertEquals("token_invalid", code("visitor.history", unsigned));
    assertEquals("token_invalid", code("visitor.history", "not-a-token"));
    assertEquals("token_missing", code("visitor.history", null));
    assertEquals("token_wrong_audience", code("agent.conversations", visitor.token()));
    assertEquals("token_wrong_audience", code("visitor.history", agent.token()));
  }

  @Test
  void clientHeadersNeverReachTheServerAsIdentity() {
    Person agent = node.createAgent("Agent", 3);
    bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    Person other = node.newVisitor();
    BridgeClient otherBus = node.bridge();
    try {
      otherBus.register("visitor." + other.id(), other.token());
      String otherChat = chatOf(otherBus, other);
      JsonObject spoofed = new JsonObject().put("type", "send").put("address", "visitor.history")
          .put("headers", new JsonObject().put("token", visitor.token())
              .put("plauder.id", other.id()).put("plauder.kind", "visitor").put("plauder.site", "demo"))
          .put("body", new JsonObject().put("conversationId", otherChat));
      assertEquals("not_found", assertRefused(bus.requestRaw(spoofed)).code());
    } finally {
      otherBus.close();
    }
  }

  @Test
  void aVisitorCannotListenOnOrWriteIntoAnotherVisitorsConversation() {
    node.createAgent("Agent", 3);
    Person agent = node.login(agentEmail(), "password-Agent");
    BridgeClient agentBus = node.bridge();
    Person victim = node.newVisitor();
    BridgeClient victimBus = node.bridge();
    try {
      agentBus.register("agent." + agent.id(), agent.token());
      await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
      victimBus.register("visitor." + victim.id(), victim.token());
      String victimChat = chatOf(victimBus, victim);

      // The attacker tries to listen on the victim's inbox with its own token.
      bus.register("visitor." + victim.id(), visitor.token());
      await(agentBus.request("agent.send", agent.token(), new JsonObject()
          .put("conversationId", victimChat).put("text", "secret for the victim").put("clientMsgId", "s-1")));
      await(victimBus.push("message"));
      assertTrue(bus.errorFrames().contains("rejected"));
      assertFalse(bus.pendingPushes().stream().anyMatch(p -> "message".equals(p.getString("type"))));

      JsonObject intoVictim = new JsonObject().put("conversationId", victimChat).put("text", "hi").put("clientMsgId", "evil-1");
      assertEquals("not_found", assertRefused(bus.request("visitor.send", visitor.token(), intoVictim)).code());
      assertEquals("not_found", assertRefused(bus.request("visitor.history", visitor.token(),
          new JsonObject().put("conversationId", victimChat))).code());
      assertEquals("not_found", assertRefused(bus.request("visitor.close", visitor.token(),
          new JsonObject().put("conversationId", victimChat))).code());
      JsonObject history = await(victimBus.request("visitor.history", victim.token(), new JsonObject().put("conversationId", victimChat)));
      assertEquals(1, history.getJsonArray("messages").size());
      assertEquals("active", history.getString("status"));
    } finally {
      agentBus.close();
      victimBus.close();
    }
  }

  @Test
  void sendsOutsideTheContractAndPublishesAreDenied() {
    bus.send(new JsonObject().put("type", "publish").put("address", "visitor.send")
        .put("headers", new JsonObject().put("token", visitor.token())).put("body", new JsonObject()));
    bus.send(new JsonObject().put("type", "send").put("address", "visitor." + visitor.id())
        .put("headers", new JsonObject().put("token", visitor.token())).put("body", new JsonObject()));
    bus.send(new JsonObject().put("type", "send").put("address", "plauder.internal")
        .put("headers", new JsonObject().put("token", visitor.token())).put("body", new JsonObject()));
    bus.register("visitor.send", visitor.token());
    // A request after the refused frames proves they were processed (frames are handled in order).
    await(bus.request("visitor.history", visitor.token(), new JsonObject()));
    assertEquals(4, bus.errorFrames().stream().filter("rejected"::equals).count());
  }

  @Test
  void malformedBodiesAndOperatorIdsGetAClearErrorAndChangeNothing() {
    assertEquals("invalid_input", assertRefused(bus.requestRaw(new JsonObject().put("type", "send")
        .put("address", "visitor.history").put("headers", new JsonObject().put("token", visitor.token()))
        .put("body", "just a string"))).code());
    assertEquals("invalid_input", assertRefused(bus.request("visitor.send", visitor.token(), new JsonObject()
        .put("conversationId", new JsonObject().put("$ne", null)).put("text", "x").put("clientMsgId", "c-1"))).code());
    assertEquals("invalid_input", assertRefused(bus.request("visitor.requestChat", visitor.token(), new JsonObject()
        .put("text", "x".repeat(4001)).put("clientMsgId", "c-2"))).code());
    assertEquals("invalid_input", assertRefused(bus.request("visitor.requestChat", visitor.token(), new JsonObject()
        .put("text", "  ").put("clientMsgId", "c-3"))).code());
    // Written by hand: a JSON encoder would replace the lone surrogate before it left the client.
    String loneSurrogate = "{\"type\":\"send\",\"address\":\"visitor.requestChat\",\"headers\":{\"token\":\"" + visitor.token()
        + "\"},\"body\":{\"text\":\"broken \\ud800 surrogate\",\"clientMsgId\":\"c-4\"}}";
    assertEquals("invalid_input", assertRefused(bus.requestText(loneSurrogate)).code());
    JsonObject nothing = await(bus.request("visitor.history", visitor.token(), new JsonObject()));
    assertEquals(null, nothing.getValue("conversation"));
  }

  @Test
  void visitorsAreMintedOnlyForAllowedOriginsOfKnownSites() {
    HttpResponse<Buffer> foreign = await(node.http.post("/api/v1/sites/demo/visitors")
        .putHeader("Origin", "https://evil.example").sendJsonObject(new JsonObject()));
    assertEquals(403, foreign.statusCode());
    assertEquals("origin_not_allowed", foreign.bodyAsJsonObject().getJsonObject("error").getString("code"));
    HttpResponse<Buffer> none = await(node.http.post("/api/v1/sites/demo/visitors").sendJsonObject(new JsonObject()));
    assertEquals(403, none.statusCode());
    HttpResponse<Buffer> unknown = await(node.http.post("/api/v1/sites/nosuchsite/visitors")
        .putHeader("Origin", node.origin()).sendJsonObject(new JsonObject()));
    assertEquals(404, unknown.statusCode());
    assertEquals("unknown_site", unknown.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  void aReturningVisitorKeepsItsIdAndAForgedOneGetsANewId() {
    HttpResponse<Buffer> reload = await(node.http.post("/api/v1/sites/demo/visitors")
        .putHeader("Origin", node.origin()).sendJsonObject(new JsonObject().put("token", visitor.token())));
    assertEquals(visitor.id(), reload.bodyAsJsonObject().getString("visitorId"));
    assertFalse(reload.bodyAsJsonObject().getBoolean("returning"), "a reload within the visit is not a return");

    clock.skip(Visitor.VISIT_GAP);
    HttpResponse<Buffer> again = await(node.http.post("/api/v1/sites/demo/visitors")
        .putHeader("Origin", node.origin()).sendJsonObject(new JsonObject().put("token", visitor.token())));
    assertEquals(visitor.id(), again.bodyAsJsonObject().getString("visitorId"));
    assertTrue(again.bodyAsJsonObject().getBoolean("returning"));

    String forged = new Tokens("another-secret-that-is-long-enough-0123456789abcdef", Clock.systemUTC())
        .issue(Identity.visitor(visitor.id(), "demo"));
    HttpResponse<Buffer> impostor = await(node.http.post("/api/v1/sites/demo/visitors")
        .putHeader("Origin", node.origin()).sendJsonObject(new JsonObject().put("token", forged)));
    assertNotEquals(visitor.id(), impostor.bodyAsJsonObject().getString("visitorId"));
    assertFalse(impostor.bodyAsJsonObject().getBoolean("returning"));
  }

  @Test
  void loginFailsTheSameWayForAWrongPasswordAndAnUnknownEmail() {
    HttpResponse<Buffer> wrongPassword = await(node.http.post("/api/v1/agents/login")
        .sendJsonObject(new JsonObject().put("email", TestNode.ADMIN_EMAIL).put("password", "wrong-password")));
    HttpResponse<Buffer> unknown = await(node.http.post("/api/v1/agents/login")
        .sendJsonObject(new JsonObject().put("email", "nobody@nowhere.example").put("password", "wrong-password")));
    assertEquals(401, wrongPassword.statusCode());
    assertEquals(wrongPassword.bodyAsString(), unknown.bodyAsString());
    HttpResponse<Buffer> malformed = await(node.http.post("/api/v1/agents/login").sendBuffer(Buffer.buffer("{not json")));
    assertEquals(400, malformed.statusCode());
    assertEquals("invalid_json", malformed.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  void restRoutesNeedTheRightKindOfTokenAndRole() {
    assertEquals(401, await(node.http.get("/api/v1/agents").send()).statusCode());
    HttpResponse<Buffer> visitorAsAgent = await(node.http.get("/api/v1/agents").bearerTokenAuthentication(visitor.token()).send());
    assertEquals(401, visitorAsAgent.statusCode());
    assertEquals("token_wrong_audience", visitorAsAgent.bodyAsJsonObject().getJsonObject("error").getString("code"));

    Person plain = node.createAgent("Plain", 2);
    HttpResponse<Buffer> notAdmin = await(node.http.post("/api/v1/agents").bearerTokenAuthentication(plain.token())
        .sendJsonObject(new JsonObject().put("email", "x@y.example").put("password", "long-enough").put("name", "X")));
    assertEquals(403, notAdmin.statusCode());
    HttpResponse<Buffer> duplicate = await(node.http.post("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("email", TestNode.ADMIN_EMAIL).put("password", "long-enough").put("name", "Copy")));
    assertEquals(409, duplicate.statusCode());
    assertEquals("email_taken", duplicate.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  private String agentEmail() {
    JsonObject agents = await(node.http.get("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject();
    return agents.getJsonArray("agents").stream().map(a -> ((JsonObject) a))
        .filter(a -> "Agent".equals(a.getString("name"))).findFirst().orElseThrow().getString("email");
  }

  private static String chatOf(BridgeClient bus, Person visitor) {
    return await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()))
        .getJsonObject("conversation").getString("id");
  }

  private static String unsignedToken(String visitorId) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    long exp = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
    String payload = b64.encodeToString(("{\"sub\":\"" + visitorId + "\",\"aud\":[\"visitor\"],\"site\":\"demo\",\"exp\":" + exp + "}")
        .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }
}
