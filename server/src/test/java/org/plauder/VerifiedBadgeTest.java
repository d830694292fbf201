package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.auth.UserSignature;

/** Agents see whether a visitor is a verified user's (the visitor panel's {@code verified}), over real HTTP. */
@ExtendWith(VertxExtension.class)
class VerifiedBadgeTest {

  @TempDir
  Path dataDir;

  TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private JsonObject panel(Person agent, String visitorId) {
    return await(node.http.get("/api/v1/visitors/" + visitorId).bearerTokenAuthentication(agent.token()).send()).bodyAsJsonObject();
  }

  @Test
  void aVerifiedUsersVisitorIsMarkedAndAnAnonymousOneIsNot() {
    Person admin = node.loginAdmin();
    String secret = await(node.http.post("/api/v1/site/identity-secret").bearerTokenAuthentication(admin.token()).send())
        .bodyAsJsonObject().getString("secret");
    JsonObject minted = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
        .sendJsonObject(new JsonObject().put("userId", "cust-42").put("userHash", UserSignature.sign(secret, "cust-42")))).bodyAsJsonObject();
    assertEquals(true, minted.getBoolean("verified"));
    Person agent = node.createAgent("Anna", 2);
    assertEquals(true, panel(agent, minted.getString("visitorId")).getBoolean("verified"));
    // identify() alone proves nothing
    assertEquals(false, panel(agent, node.newVisitor().id()).getBoolean("verified"));
  }
}
