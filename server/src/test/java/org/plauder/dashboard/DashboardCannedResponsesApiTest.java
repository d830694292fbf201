package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** /api/v1/canned-responses: agents read the site's ready-made replies, admins add and remove them. */
@ExtendWith(VertxExtension.class)
class DashboardCannedResponsesApiTest {

  @TempDir
  Path dataDir;

  TestNode node;
  Person admin;
  Person agent;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin();
    agent = node.createAgent("Anna", 2);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private HttpResponse<Buffer> create(String token, Object body) {
    return await(node.http.post("/api/v1/canned-responses").bearerTokenAuthentication(token)
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(io.vertx.core.json.Json.encode(body))));
  }

  private JsonArray list(String token) {
    HttpResponse<Buffer> response = await(node.http.get("/api/v1/canned-responses").bearerTokenAuthentication(token).send());
    assertEquals(200, response.statusCode());
    return response.bodyAsJsonObject().getJsonArray("responses");
  }

  private static String errorCode(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  @Test
  void adminAddsAndRemovesResponsesThatEveryAgentOfTheSiteReads() {
    assertEquals(0, list(agent.token()).size());
    HttpResponse<Buffer> created = create(admin.token(), new JsonObject().put("title", " Versand ").put("text", "Wir versenden in 1–2 Tagen."));
    assertEquals(201, created.statusCode());
    String id = created.bodyAsJsonObject().getString("id");
    assertEquals("Versand", created.bodyAsJsonObject().getString("title"));
    create(admin.token(), new JsonObject().put("title", "Gruß").put("text", "Schönen Tag noch!"));

    JsonArray seen = list(agent.token());
    assertEquals(2, seen.size());
    assertEquals("Wir versenden in 1–2 Tagen.", seen.getJsonObject(0).getString("text"));

    assertEquals(204, await(node.http.delete("/api/v1/canned-responses/" + id).bearerTokenAuthentication(admin.token()).send()).statusCode());
    assertEquals(List.of("Gruß"), list(agent.token()).stream().map(o -> ((JsonObject) o).getString("title")).toList());
    HttpResponse<Buffer> again = await(node.http.delete("/api/v1/canned-responses/" + id).bearerTokenAuthentication(admin.token()).send());
    assertEquals(404, again.statusCode());
    assertEquals("not_found", errorCode(again));
  }

  @Test
  void onlyAdminsChangeThemAndBadInputIsRefused() {
    HttpResponse<Buffer> byAgent = create(agent.token(), new JsonObject().put("title", "x").put("text", "y"));
    assertEquals(403, byAgent.statusCode());
    assertEquals(401, await(node.http.get("/api/v1/canned-responses").send()).statusCode());
    assertEquals(403, await(node.http.delete("/api/v1/canned-responses/0123456789abcdef01234567")
        .bearerTokenAuthentication(agent.token()).send()).statusCode());

    assertEquals("invalid_input", errorCode(create(admin.token(), new JsonObject().put("title", "x"))));
    assertEquals("invalid_input", errorCode(create(admin.token(), new JsonObject().put("title", "x").put("text", 5))));
    assertEquals("invalid_input", errorCode(create(admin.token(), new JsonObject().put("title", "x").put("text", "   "))));
    assertEquals("invalid_input", errorCode(create(admin.token(), new JsonObject().put("title", "x".repeat(81)).put("text", "y"))));
    assertEquals("invalid_input", errorCode(create(admin.token(), new JsonObject().put("title", new JsonObject().put("$gt", "")).put("text", "y"))));
    assertEquals("invalid_input", errorCode(create(admin.token(), new JsonObject().put("title", "x").put("text", "y").put("siteKey", "other"))));
    assertEquals("invalid_json", errorCode(create(admin.token(), new JsonArray())));
    assertEquals(0, list(admin.token()).size());
  }

  @Test
  void aSiteKeepsAtMostOneHundred() {
    for (int i = 0; i < 100; i++) {
      assertEquals(201, create(admin.token(), new JsonObject().put("title", "r" + i).put("text", "Antwort " + i)).statusCode());
    }
    HttpResponse<Buffer> tooMany = create(admin.token(), new JsonObject().put("title", "r100").put("text", "eine zu viel"));
    assertEquals(409, tooMany.statusCode());
    assertEquals("limit_reached", errorCode(tooMany));
    assertEquals(100, list(agent.token()).size());
  }
}
