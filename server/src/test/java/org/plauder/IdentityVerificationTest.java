package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.auth.UserSignature;
import org.plauder.store.VerifiedUsers;

/** A site's backend vouches for its logged-in users; the mint gives each verified user one visitor on every device. */
@ExtendWith(VertxExtension.class)
class IdentityVerificationTest {

  @TempDir
  Path dataDir;

  TestNode node;
  String admin;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin().token();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void theSecretIsShownOnceAndASignedUserKeepsItsVisitorAndChatsOnEveryDevice() {
    JsonObject before = await(node.http.get("/api/v1/site/identity-secret").bearerTokenAuthentication(admin).send()).bodyAsJsonObject();
    assertEquals(false, before.getBoolean("configured"));
    assertEquals("identity_not_enabled", errorCode(mint(new JsonObject().put("userId", "cust-42").put("userHash", "00".repeat(32)))),
        "without a secret nothing can be verified");

    String secret = newSecret();
    JsonObject status = await(node.http.get("/api/v1/site/identity-secret").bearerTokenAuthentication(admin).send()).bodyAsJsonObject();
    assertEquals(true, status.getBoolean("configured"));
    assertFalse(status.encode().contains(secret), "the secret is never returned again: " + status.encode());
    assertFalse(await(node.http.get("/api/v1/site").bearerTokenAuthentication(admin).send()).bodyAsString().contains(secret));

    // Laptop: the signed user starts a chat.
    TestNode.OnlineAgent anna = node.onlineAgent("Anna", 2);
    JsonObject laptop = mint(signed(secret, "cust-42")).bodyAsJsonObject();
    assertEquals(true, laptop.getBoolean("verified"));
    assertEquals(false, laptop.getBoolean("returning"));
    BridgeClient laptopBus = node.bridge();
    JsonObject chat = await(laptopBus.request("visitor.requestChat", laptop.getString("token"),
        new JsonObject().put("text", "Wo ist Bestellung 4711?").put("clientMsgId", "c-1")));
    laptopBus.close();

    // Phone: no earlier token, same user: the same visitor, and its chat with it.
    JsonObject phone = mint(signed(secret, "cust-42")).bodyAsJsonObject();
    assertEquals(laptop.getString("visitorId"), phone.getString("visitorId"));
    assertEquals(false, phone.getBoolean("returning"), "minutes later on another device: the same visit, not a return");
    BridgeClient phoneBus = node.bridge();
    JsonObject history = await(phoneBus.request("visitor.history", phone.getString("token"), new JsonObject()));
    assertEquals(chat.getJsonObject("conversation").getString("id"), history.getJsonObject("conversation").getString("id"));
    assertEquals("Wo ist Bestellung 4711?", history.getJsonArray("messages").getJsonObject(0).getString("text"));
    phoneBus.close();
    anna.bus().close();

    // Another signed user is another visitor.
    assertNotEquals(laptop.getString("visitorId"), mint(signed(secret, "cust-43")).bodyAsJsonObject().getString("visitorId"));
  }

  @Test
  void aForgedOrMissingSignatureIsRefusedAndClaimsNobody() {
    String secret = newSecret();
    String owner = mint(signed(secret, "cust-42")).bodyAsJsonObject().getString("visitorId");

    HttpResponse<Buffer> forged = mint(new JsonObject().put("userId", "cust-42").put("userHash", UserSignature.sign("guessed", "cust-42")));
    assertEquals(401, forged.statusCode());
    assertEquals("identity_invalid", errorCode(forged));
    assertEquals(node.origin(), forged.getHeader("Access-Control-Allow-Origin"), "the widget can read why");
    HttpResponse<Buffer> unsigned = mint(new JsonObject().put("userId", "cust-42"));
    assertEquals(401, unsigned.statusCode(), "an unverified identify() cannot name a user id");
    assertEquals("identity_invalid", errorCode(unsigned));
    assertEquals("invalid_input", errorCode(mint(new JsonObject().put("userId", new JsonObject().put("$ne", "")).put("userHash", "x"))));
    assertEquals("invalid_input", errorCode(mint(new JsonObject().put("userId", "x".repeat(129)).put("userHash", "x"))));

    // A forged claim with the user's own earlier token gets nothing either, and the user still has its visitor.
    assertEquals(owner, mint(signed(secret, "cust-42")).bodyAsJsonObject().getString("visitorId"));
  }

  @Test
  void rotatingTheSecretRefusesOldSignaturesAndKeepsTheUsersVisitor() {
    String first = newSecret();
    String visitor = mint(signed(first, "cust-42")).bodyAsJsonObject().getString("visitorId");
    String second = newSecret();
    assertNotEquals(first, second);
    assertEquals("identity_invalid", errorCode(mint(signed(first, "cust-42"))), "a signature with the old secret is stale");
    assertEquals(visitor, mint(signed(second, "cust-42")).bodyAsJsonObject().getString("visitorId"));
  }

  @Test
  void onlyAdminsSeeOrMakeTheSecret() {
    String agent = node.createAgent("Anna", 2).token();
    HttpResponse<Buffer> refused = await(node.http.post("/api/v1/site/identity-secret").bearerTokenAuthentication(agent).send());
    assertEquals(403, refused.statusCode());
    assertEquals("forbidden", errorCode(refused));
    assertEquals(403, await(node.http.get("/api/v1/site/identity-secret").bearerTokenAuthentication(agent).send()).statusCode());
    assertEquals(false, await(node.http.get("/api/v1/site/identity-secret").bearerTokenAuthentication(admin).send())
        .bodyAsJsonObject().getBoolean("configured"), "the agent's try made no secret");
  }

  @Test
  void anErasedUsersNextVerifiedVisitIsANewVisitorWithNothingOfTheOld() {
    String secret = newSecret();
    JsonObject first = mint(signed(secret, "cust-42")).bodyAsJsonObject();
    BridgeClient bus = node.bridge();
    JsonObject chat = await(bus.request("visitor.requestChat", first.getString("token"),
        new JsonObject().put("text", "Bitte löschen").put("clientMsgId", "c-1")));
    assertEquals("offline", chat.getString("status"));
    assertEquals(200, await(node.http.delete("/api/v1/visitors/" + first.getString("visitorId")).bearerTokenAuthentication(admin).send())
        .statusCode());
    assertNull(await(new VerifiedUsers(node.server.services().database()).visitorOf("demo", "cust-42")),
        "the user's id went with its visitor");
    JsonObject again = mint(signed(secret, "cust-42")).bodyAsJsonObject();
    assertNotEquals(first.getString("visitorId"), again.getString("visitorId"));
    assertEquals(false, again.getBoolean("returning"));
    assertNull(await(bus.request("visitor.history", again.getString("token"), new JsonObject())).getJsonObject("conversation"));
    assertTrue(again.getBoolean("verified"));
    bus.close();
  }

  private String newSecret() {
    HttpResponse<Buffer> made = await(node.http.post("/api/v1/site/identity-secret").bearerTokenAuthentication(admin).send());
    assertEquals(201, made.statusCode(), made.bodyAsString());
    String secret = made.bodyAsJsonObject().getString("secret");
    assertTrue(secret.matches("[0-9a-f]{64}"), secret);
    return secret;
  }

  private static JsonObject signed(String secret, String userId) {
    return new JsonObject().put("userId", userId).put("userHash", UserSignature.sign(secret, userId));
  }

  private HttpResponse<Buffer> mint(JsonObject body) {
    return await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin()).sendJsonObject(body));
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    JsonObject body = response.bodyAsJsonObject();
    return body.containsKey("error") ? body.getJsonObject("error").getString("code") : "none: " + body.encode();
  }
}
