package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/** What agents see of visitors, and what happens when an admin disables an agent mid-shift. */
@ExtendWith(VertxExtension.class)
class AgentLifecycleTest {

  @TempDir
  Path dataDir;

  @Test
  void aDisabledAgentIsCutOffAtOnceAndItsChatGoesToAColleague(Vertx vertx) throws Exception {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      Person leaving = node.createAgent("Leaving", 2);
      BridgeClient leavingBus = node.bridge();
      leavingBus.register("agent." + leaving.id(), leaving.token());
      await(leavingBus.request("agent.status", leaving.token(), new JsonObject().put("status", "online")));
      Person visitor = node.newVisitor();
      BridgeClient visitorBus = node.bridge();
      visitorBus.register("visitor." + visitor.id(), visitor.token());
      String chat = await(visitorBus.request("visitor.requestChat", visitor.token(), new JsonObject()))
          .getJsonObject("conversation").getString("id");
      Person colleague = node.createAgent("Colleague", 2);
      BridgeClient colleagueBus = node.bridge();
      colleagueBus.register("agent." + colleague.id(), colleague.token());
      await(colleagueBus.request("agent.status", colleague.token(), new JsonObject().put("status", "online")));

      var disabled = await(node.http.patch("/api/v1/agents/" + leaving.id()).bearerTokenAuthentication(node.loginAdmin().token())
          .sendJsonObject(new JsonObject().put("disabled", true)));
      assertEquals(200, disabled.statusCode(), disabled.bodyAsString());
      assertEquals(0, disabled.bodyAsJsonObject().getInteger("load"));

      JsonObject reassigned = await(colleagueBus.push("assigned"));
      assertEquals(chat, reassigned.getJsonObject("conversation").getString("id"));
      assertEquals("Colleague", await(visitorBus.push(p -> "assigned".equals(p.getString("type"))
          && "Colleague".equals(p.getJsonObject("conversation").getString("agentName")))).getJsonObject("conversation").getString("agentName"));

      long deadline = System.currentTimeMillis() + 5000;
      while (!leavingBus.isClosed() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(leavingBus.isClosed(), "the disabled agent's socket is closed");
      try (BridgeClient again = node.bridge()) {
        assertEquals("agent_disabled", assertRefused(again.request("agent.conversations", leaving.token(), new JsonObject())).code());
      }
      var rest = await(node.http.get("/api/v1/agents").bearerTokenAuthentication(leaving.token()).send());
      assertEquals(403, rest.statusCode());
      assertEquals("agent_disabled", rest.bodyAsJsonObject().getJsonObject("error").getString("code"));
      visitorBus.close();
      colleagueBus.close();
    }
  }

  @Test
  void theVisitorPanelShowsPagesDeviceEarlierChatsAndPresenceOfTheSitesOwnVisitorsOnly(Vertx vertx) throws Exception {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      Person agent = node.createAgent("Anna", 2);
      var minted = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
          .putHeader("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148")
          .sendJsonObject(new JsonObject())).bodyAsJsonObject();
      String visitorId = minted.getString("visitorId");
      String token = minted.getString("token");
      try (BridgeClient bus = node.bridge()) {
        bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
        bus.register("visitor." + visitorId, token); // her tab: she is on the site
        await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
        await(bus.request("visitor.pageView", token, new JsonObject().put("url", "http://localhost/demo/").put("title", "Start")));
        await(bus.request("visitor.pageView", token, new JsonObject().put("url", "http://localhost/demo/kasse.html").put("title", "Kasse")));
        String first = await(bus.request("visitor.requestChat", token, new JsonObject().put("name", "Eva").put("email", "eva@example.org")))
            .getJsonObject("conversation").getString("id");
        await(bus.request("visitor.close", token, new JsonObject().put("conversationId", first)));
        await(bus.request("visitor.requestChat", token, new JsonObject()));
        // on the site now, as the panel says even before the dashboard's list of visitors online knows her
        JsonObject presence = panel(node, agent, visitorId).getJsonObject("presence");
        assertEquals("Kasse", presence.getString("title"));
        assertEquals(2, presence.getInteger("pagesSeen"));
      }
      JsonObject panel = panel(node, agent, visitorId);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (panel.getJsonObject("presence") != null && System.nanoTime() < deadline) {
        Thread.sleep(50);
        panel = panel(node, agent, visitorId);
      }
      assertNull(panel.getJsonObject("presence"), "her tab closed: not on the site");
      assertEquals("Eva", panel.getString("name"));
      assertEquals("eva@example.org", panel.getString("email"));
      assertTrue(panel.getString("userAgent").contains("iPhone"));
      assertEquals("Kasse", panel.getJsonObject("currentPage").getString("title"));
      assertEquals(2, panel.getInteger("pageCount"));
      JsonArray conversations = panel.getJsonArray("conversations");
      assertEquals(2, conversations.size());
      assertEquals("closed", conversations.getJsonObject(1).getString("status"));

      Person foreign = node.agentOfAnotherSite("agent");
      assertEquals(404, await(node.http.get("/api/v1/visitors/" + visitorId).bearerTokenAuthentication(foreign.token()).send()).statusCode());
    }
  }

  private static JsonObject panel(TestNode node, Person agent, String visitorId) {
    return await(node.http.get("/api/v1/visitors/" + visitorId).bearerTokenAuthentication(agent.token()).send()).bodyAsJsonObject();
  }
}
