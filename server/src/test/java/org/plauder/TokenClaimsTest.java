package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.auth.Identity;

/**
 * A correctly signed agent token whose site or role claim does not match the agent's record is
 * refused with a clear 401 on REST and on the bridge, and changes nothing.
 */
@ExtendWith(VertxExtension.class)
class TokenClaimsTest {

  @TempDir
  Path dataDir;

  TestNode node;
  Person admin;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** Signed with the server's own key: only the claims lie. */
  private String signed(String agentId, String siteKey, String role) {
    return node.server.services().tokens().issue(Identity.agent(agentId, siteKey, role));
  }

  private static void assertTokenInvalid(Future<HttpResponse<Buffer>> call) {
    // A hanging handler must fail the test quickly, not after the default 20 s.
    HttpResponse<Buffer> response = await(call.timeout(5, TimeUnit.SECONDS));
    assertEquals(401, response.statusCode(), response.bodyAsString());
    assertEquals("token_invalid", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  void aSiteClaimThatIsNotTheAgentsSiteIsRefusedOnEveryRestRouteAndStoresNothing() {
    String ghost = signed(admin.id(), "nosuchsite", "admin");

    assertTokenInvalid(node.http.get("/api/v1/site").bearerTokenAuthentication(ghost).send());
    assertTokenInvalid(node.http.patch("/api/v1/site").bearerTokenAuthentication(ghost)
        .sendJsonObject(new JsonObject().put("defaultMaxChats", 7)));
    assertTokenInvalid(node.http.post("/api/v1/agents").bearerTokenAuthentication(ghost)
        .sendJsonObject(new JsonObject().put("email", "ghost@test.local").put("password", "password-ghost").put("name", "Ghost")));
    assertTokenInvalid(node.http.put("/api/v1/offer-rules").bearerTokenAuthentication(ghost)
        .sendJsonObject(new JsonObject().put("rules", new JsonArray().add(new JsonObject().put("id", "r").put("name", "R")
            .put("messages", new JsonObject().put("en", "Hi"))))));
    assertTokenInvalid(node.http.get("/api/v1/agents").bearerTokenAuthentication(ghost).send());

    Services s = node.server.services();
    assertEquals(null, await(s.sites().find("nosuchsite")));
    assertTrue(await(s.agents().ofSite("nosuchsite")).isEmpty());
    assertTrue(await(s.offerStore().settings("nosuchsite")).rules().isEmpty());
    assertEquals(1, await(s.agents().ofSite("demo")).size(), "no agent was created on the admin's real site either");
  }

  @Test
  void anAdminOfOneSiteCannotReadOrChangeAnotherExistingSiteByClaimingIt() {
    node.agentOfAnotherSite("admin");
    String claimsOther = signed(admin.id(), "other", "admin");

    assertTokenInvalid(node.http.get("/api/v1/site").bearerTokenAuthentication(claimsOther).send());
    assertTokenInvalid(node.http.patch("/api/v1/site").bearerTokenAuthentication(claimsOther)
        .sendJsonObject(new JsonObject().put("defaultMaxChats", 9)));
    assertEquals(2, await(node.server.services().sites().find("other")).defaultMaxChats());
  }

  @Test
  void aRoleClaimThatIsNotTheAgentsRoleIsRefused() {
    Person agent = node.createAgent("Anna", 2);
    String promoted = signed(agent.id(), "demo", "admin");
    int before = await(node.server.services().sites().find("demo")).defaultMaxChats();

    assertTokenInvalid(node.http.patch("/api/v1/site").bearerTokenAuthentication(promoted)
        .sendJsonObject(new JsonObject().put("defaultMaxChats", 9)));
    assertTokenInvalid(node.http.get("/api/v1/offer-rules").bearerTokenAuthentication(promoted).send());
    assertEquals(before, await(node.server.services().sites().find("demo")).defaultMaxChats());
  }

  @Test
  void mismatchedClaimsAreRefusedOnTheBridgeToo() {
    Person agent = node.createAgent("Anna", 2);
    try (BridgeClient bus = node.bridge()) {
      String ghost = signed(agent.id(), "nosuchsite", "agent");
      var refused = assertRefused(bus.request("agent.status", ghost, new JsonObject().put("status", "online")));
      assertEquals(401, refused.failureCode);
      assertEquals("token_invalid", refused.code());
      assertEquals("token_invalid", assertRefused(bus.request("agent.conversations", ghost, new JsonObject())).code());
      assertEquals("token_invalid", assertRefused(bus.request("agent.conversations", signed(agent.id(), "demo", "admin"),
          new JsonObject())).code());
      assertEquals("offline", await(node.server.services().agents().find(agent.id())).status().wire(), "nothing changed");

      // The agent's true token still works.
      await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    }
  }
}
