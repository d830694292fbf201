package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.plauder.BridgeClient.BridgeError;
import org.plauder.TestNode.Person;
import org.plauder.auth.UserSignature;

/** A site's pre-chat form: set by an admin, handed to the widget, enforced by the server for every new chat. */
@ExtendWith(VertxExtension.class)
class PrechatFormServerTest {

  static final JsonObject FORM = new JsonObject().put("enabled", true).put("name", "optional").put("email", "required")
      .put("consentRequired", true).put("privacyUrl", "https://shop.example/datenschutz");

  @TempDir
  Path dataDir;

  TestNode node;
  String admin;
  BridgeClient bus;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin().token();
    bus = node.bridge();
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
  }

  @Test
  void anAdminsFormIsCheckedStoredAndHandedToTheWidgetWithTheRetention() {
    JsonObject before = site();
    for (JsonObject bad : new JsonObject[] {
        FORM.copy().put("email", "mandatory"), FORM.copy().put("privacyUrl", "javascript:alert(1)"),
        FORM.copy().put("enabled", "yes"), FORM.copy().put("topic", "required"), FORM.copy().put("name", null)}) {
      HttpResponse<Buffer> refused = patch(new JsonObject().put("prechatForm", bad).put("retentionDays", 5));
      assertEquals(400, refused.statusCode(), bad.encode());
      assertEquals("invalid_input", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
    assertEquals(before, site(), "a refused change changes nothing");

    assertEquals(200, patch(new JsonObject().put("prechatForm", FORM).put("retentionDays", 90)).statusCode());
    assertEquals(FORM, site().getJsonObject("prechatForm"));
    JsonObject widgetSite = mint(new JsonObject()).getJsonObject("site");
    assertEquals(FORM, widgetSite.getJsonObject("prechatForm"));
    assertEquals(90, widgetSite.getInteger("retentionDays"));

    assertEquals(200, patch(new JsonObject().put("prechatForm", FORM.copy().put("enabled", false))).statusCode());
    assertNull(mint(new JsonObject()).getJsonObject("site").getJsonObject("prechatForm"), "a form that is off asks nothing");
  }

  @Test
  void aChatWithoutTheRequiredEmailOrConsentIsRefusedAndNothingStarts() {
    node.onlineAgent("Anna", 2); // her dashboard stays open: only then does she get chats (closed with the node)
    assertEquals(200, patch(new JsonObject().put("prechatForm", FORM)).statusCode());
    String token = mint(new JsonObject()).getString("token");

    BridgeError formWithoutEmail = assertThrows(BridgeError.class, () -> await(bus.request("visitor.prechat", token,
        new JsonObject().put("name", "Eva").put("consent", true))));
    assertEquals("email_required", formWithoutEmail.code());
    BridgeError badEmail = assertThrows(BridgeError.class, () -> await(bus.request("visitor.prechat", token,
        new JsonObject().put("email", "eva at example").put("consent", true))));
    assertEquals("invalid_input", badEmail.code());
    BridgeError noEmail = assertThrows(BridgeError.class, () -> await(bus.request("visitor.requestChat", token,
        new JsonObject().put("name", "Eva").put("consent", true).put("text", "Hallo").put("clientMsgId", "c-1"))));
    assertEquals(400, noEmail.failureCode);
    assertEquals("email_required", noEmail.code());
    BridgeError noConsent = assertThrows(BridgeError.class, () -> await(bus.request("visitor.requestChat", token,
        new JsonObject().put("email", "eva@example.org").put("text", "Hallo").put("clientMsgId", "c-1"))));
    assertEquals("consent_required", noConsent.code());
    assertNull(await(bus.request("visitor.history", token, new JsonObject())).getJsonObject("conversation"), "no chat was started");

    assertNull(await(node.http.get("/api/v1/visitors/" + visitorOf(token)).bearerTokenAuthentication(admin).send())
        .bodyAsJsonObject().getString("email"), "nothing of a refused form is kept");
    assertEquals(new JsonObject(), await(bus.request("visitor.prechat", token,
        new JsonObject().put("name", "Eva").put("email", "eva@example.org").put("consent", true))));
    JsonObject chat = await(bus.request("visitor.requestChat", token, new JsonObject()
        .put("email", "eva@example.org").put("consent", true).put("text", "Hallo").put("clientMsgId", "c-1")));
    assertEquals("active", chat.getString("status"));
    assertEquals("eva@example.org", await(node.http.get("/api/v1/visitors/" + visitorOf(token)).bearerTokenAuthentication(admin).send())
        .bodyAsJsonObject().getString("email"));
  }

  @Test
  void aVerifiedUserIsNeverAskedTheForm() {
    node.onlineAgent("Anna", 2); // her dashboard stays open: only then does she get chats (closed with the node)
    assertEquals(200, patch(new JsonObject().put("prechatForm", FORM)).statusCode());
    String secret = await(node.http.post("/api/v1/site/identity-secret").bearerTokenAuthentication(admin).send())
        .bodyAsJsonObject().getString("secret");
    String token = mint(new JsonObject().put("userId", "cust-42").put("userHash", UserSignature.sign(secret, "cust-42"))).getString("token");
    JsonObject chat = await(bus.request("visitor.requestChat", token, new JsonObject().put("text", "Hallo").put("clientMsgId", "c-1")));
    assertEquals("active", chat.getString("status"));
  }

  private JsonObject site() {
    return await(node.http.get("/api/v1/site").bearerTokenAuthentication(admin).send()).bodyAsJsonObject();
  }

  private HttpResponse<Buffer> patch(JsonObject body) {
    return await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin).sendJsonObject(body));
  }

  private JsonObject mint(JsonObject body) {
    HttpResponse<Buffer> minted = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin()).sendJsonObject(body));
    assertEquals(200, minted.statusCode(), minted.bodyAsString());
    assertTrue(minted.bodyAsJsonObject().containsKey("site"));
    return minted.bodyAsJsonObject();
  }

  private static String visitorOf(String token) {
    return new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))).getString("sub");
  }
}
