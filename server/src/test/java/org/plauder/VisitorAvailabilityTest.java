package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/** Before a chat the widget asks whether anyone is there, and hears the admin's offline message when nobody is. */
@ExtendWith(VertxExtension.class)
class VisitorAvailabilityTest {

  @TempDir
  Path dataDir;

  @Test
  void theVisitorHearsWhetherAnAgentIsOnlineAndTheOfflineMessage(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
          .sendJsonObject(new JsonObject().put("offlineMessage", "Wir sind ab 9 Uhr wieder da.")));
      Person visitor = node.newVisitor();
      BridgeClient bus = node.bridge();
      assertEquals(new JsonObject().put("agentsOnline", false).put("offlineMessage", "Wir sind ab 9 Uhr wieder da."),
          await(bus.request("visitor.availability", visitor.token(), new JsonObject())));

      TestNode.OnlineAgent anna = node.onlineAgent("Anna", 1);
      assertEquals(true, await(bus.request("visitor.availability", visitor.token(), new JsonObject())).getBoolean("agentsOnline"));
      await(anna.bus().request("agent.status", anna.person().token(), new JsonObject().put("status", "away")));
      assertEquals(false, await(bus.request("visitor.availability", visitor.token(), new JsonObject())).getBoolean("agentsOnline"),
          "away takes no chats");
      anna.bus().close();
      bus.close();
    }
  }
}
