package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/** A returning visitor gets the agent of its last chat while the site wants that, over the real bridge. */
@ExtendWith(VertxExtension.class)
class StickyAgentTest {

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

  /** The visitor asks for a chat; the conversation as the reply has it. */
  private JsonObject chat(Person visitor) {
    return await(node.bridge().request("visitor.requestChat", visitor.token(), new JsonObject())).getJsonObject("conversation");
  }

  private void close(OnlineAgent agent, String conversationId) {
    await(agent.bus().request("agent.close", agent.person().token(), new JsonObject().put("conversationId", conversationId)));
  }

  @Test
  void aReturningVisitorGetsTheAgentOfItsLastChatEvenWhenAColleagueWaitedLonger() {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    OnlineAgent ben = node.onlineAgent("Ben", 3);
    Map<String, OnlineAgent> byName = Map.of("Anna", anna, "Ben", ben);
    Person eva = node.newVisitor();
    JsonObject first = chat(eva);
    OnlineAgent evasAgent = byName.get(first.getString("agentName"));
    OnlineAgent colleague = evasAgent == anna ? ben : anna;
    // Kim goes to the colleague (fewer chats), Lea to Eva's agent (both at one, it waited longer).
    assertEquals(colleague == anna ? "Anna" : "Ben", chat(node.newVisitor()).getString("agentName"));
    assertEquals(first.getString("agentName"), chat(node.newVisitor()).getString("agentName"));
    close(evasAgent, first.getString("id"));

    // One chat each now, and the colleague has waited longer: the usual rule would pick the colleague.
    JsonObject again = chat(eva);
    assertEquals(first.getString("agentName"), again.getString("agentName"), "Eva's agent of last time");
    JsonObject step = RoutingAuditTest.routingOnceThere(node, again.getString("id"), evasAgent.person().token(), 1).getJsonObject(0);
    assertEquals("sticky", step.getString("rule"));

    // The admin turns it off: the usual rule decides again.
    close(evasAgent, again.getString("id"));
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("stickyAgent", false))).statusCode());
    JsonObject third = chat(eva);
    assertEquals(colleague == anna ? "Anna" : "Ben", third.getString("agentName"), "the one who waited longer");
    assertEquals("least-loaded",
        RoutingAuditTest.routingOnceThere(node, third.getString("id"), colleague.person().token(), 1).getJsonObject(0).getString("rule"));
  }
}
