package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** PATCH /api/v1/agents/{id}: what the dashboard's admin view uses to change another agent's account. */
@ExtendWith(VertxExtension.class)
class DashboardAdminApiTest {

  @TempDir
  Path dataDir;

  TestNode node;
  Person admin;
  String annaId;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin();
    annaId = DashboardPage.createAgent(node, "Anna", "anna@shop.test", 1);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private HttpResponse<Buffer> patch(String token, String agentId, Object body) {
    return await(node.http.patch("/api/v1/agents/" + agentId).bearerTokenAuthentication(token)
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(io.vertx.core.json.Json.encode(body))));
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  void adminDisablesAnAgentWhoThenCannotSignInUntilEnabledAgain() {
    HttpResponse<Buffer> disabled = patch(admin.token(), annaId, new JsonObject().put("disabled", true));
    assertEquals(200, disabled.statusCode());
    assertTrue(disabled.bodyAsJsonObject().getBoolean("disabled"));
    assertEquals("offline", disabled.bodyAsJsonObject().getString("status"));

    HttpResponse<Buffer> login = await(node.http.post("/api/v1/agents/login")
        .sendJsonObject(new JsonObject().put("email", "anna@shop.test").put("password", "password-Anna")));
    assertEquals(403, login.statusCode());
    assertEquals("agent_disabled", errorCode(login));

    assertEquals(200, patch(admin.token(), annaId, new JsonObject().put("disabled", false)).statusCode());
    node.login("anna@shop.test", "password-Anna");
  }

  @Test
  void raisingAnAgentsMaxChatsHandsOutAWaitingChatAtOnce() {
    Person anna = node.login("anna@shop.test", "password-Anna");
    try (BridgeClient annaBus = node.bridge(); BridgeClient visitorBus = node.bridge()) {
      annaBus.register("agent." + anna.id(), anna.token());
      await(annaBus.request("agent.status", anna.token(), new JsonObject().put("status", "online")));
      Person first = node.newVisitor();
      Person second = node.newVisitor();
      await(visitorBus.request("visitor.requestChat", first.token(), new JsonObject()));
      JsonObject waiting = await(visitorBus.request("visitor.requestChat", second.token(), new JsonObject()));
      assertEquals("queued", waiting.getString("status"));

      HttpResponse<Buffer> raised = patch(admin.token(), annaId, new JsonObject().put("maxChats", 2));
      assertEquals(200, raised.statusCode());
      assertEquals(2, raised.bodyAsJsonObject().getInteger("maxChats"));
      assertEquals(2, raised.bodyAsJsonObject().getInteger("load"));
    }
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    assertEquals("invalid_input", errorCode(patch(admin.token(), annaId, new JsonObject().put("maxChats", "3"))));
    assertEquals("invalid_input", errorCode(patch(admin.token(), annaId, new JsonObject().put("maxChats", 51))));
    assertEquals("invalid_input", errorCode(patch(admin.token(), annaId, new JsonObject().put("disabled", "yes"))));
    assertEquals("invalid_input", errorCode(patch(admin.token(), annaId, new JsonObject().put("role", "admin"))));
    assertEquals("invalid_input", errorCode(patch(admin.token(), annaId, new JsonObject())));
    assertEquals("invalid_json", errorCode(patch(admin.token(), annaId, new io.vertx.core.json.JsonArray().add(1))));
    HttpResponse<Buffer> self = patch(admin.token(), admin.id(), new JsonObject().put("disabled", true));
    assertEquals(400, self.statusCode());

    JsonObject anna = await(node.http.get("/api/v1/agents").bearerTokenAuthentication(admin.token()).send())
        .bodyAsJsonObject().getJsonArray("agents").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("id").equals(annaId)).findFirst().orElseThrow();
    assertEquals(1, anna.getInteger("maxChats"));
    assertFalse(anna.getBoolean("disabled"));
  }

  @Test
  void onlyAnAdminOfTheSameSiteMayChangeAnAgent() {
    Person anna = node.login("anna@shop.test", "password-Anna");
    HttpResponse<Buffer> byAgent = patch(anna.token(), annaId, new JsonObject().put("maxChats", 5));
    assertEquals(403, byAgent.statusCode());
    assertEquals("forbidden", errorCode(byAgent));

    HttpResponse<Buffer> noToken = await(node.http.patch("/api/v1/agents/" + annaId).sendJsonObject(new JsonObject().put("maxChats", 5)));
    assertEquals(401, noToken.statusCode());

    HttpResponse<Buffer> unknown = patch(admin.token(), "0123456789abcdef01234567", new JsonObject().put("maxChats", 5));
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", errorCode(unknown));
    assertEquals(404, patch(admin.token(), "not-an-id", new JsonObject().put("maxChats", 5)).statusCode());
  }
}
