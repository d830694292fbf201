package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.agent.Agent;
import org.plauder.routing.AssignmentPolicy;

/**
 * The real server, its MongoDB claim on the embedded database, picks the very agent that the
 * plain-Java routing policy picks from the same agents — step after step, as loads, last
 * assignments, statuses and limits change.
 */
@ExtendWith(VertxExtension.class)
class AssignmentPolicyServerTest {

  @TempDir
  Path dataDir;

  final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
  final List<OnlineAgent> agents = new ArrayList<>();
  final List<BridgeClient> visitors = new ArrayList<>();
  final AssignmentPolicy policy = AssignmentPolicy.lowestLoad();
  TestNode node;

  @AfterEach
  void stop() {
    agents.forEach(a -> a.bus().close());
    visitors.forEach(BridgeClient::close);
    node.close();
  }

  /** Who the policy says gets the next chat, from the agents as the server has stored them right now. */
  String policysChoice() {
    List<Agent> stored = await(node.server.services().agents().ofSite("demo"));
    return policy.choose(stored).map(Agent::name).orElse(null);
  }

  /** A new visitor asks for a chat; the name of the agent the server gave it (null when it waits). */
  JsonObject requestChat() {
    clock.advance(Duration.ofMinutes(1)); // every assignment gets its own time, so no two agents tie
    TestNode.Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    visitors.add(bus);
    bus.register("visitor." + visitor.id(), visitor.token());
    return await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()));
  }

  void assertServerPicksThePolicysAgent(String expectedName) {
    String chosen = policysChoice();
    assertEquals(expectedName, chosen, "the policy's choice");
    JsonObject state = requestChat();
    assertEquals(chosen, state.getJsonObject("conversation").getString("agentName"), "the server's choice");
  }

  void status(OnlineAgent agent, JsonObject change) {
    await(agent.bus().request("agent.status", agent.person().token(), change));
  }

  /** An agent with its socket, still offline. */
  OnlineAgent offlineAgent(String name, int maxChats) {
    TestNode.Person person = node.createAgent(name, maxChats);
    BridgeClient bus = node.bridge();
    bus.register("agent." + person.id(), person.token());
    OnlineAgent agent = new OnlineAgent(person, bus);
    agents.add(agent);
    return agent;
  }

  @Test
  void theServerAssignsChatsToTheAgentThePolicyChooses(Vertx vertx) {
    node = TestNode.start(vertx, TestNode.config(dataDir, null), clock);
    // The clock jumps a minute per request and nobody answers: no chat may move for want of a reply here.
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("reassignAfterSeconds", 0))).statusCode());
    // Stored in the opposite order of their turns, so that the database's natural order cannot pass for the policy's.
    OnlineAgent dora = offlineAgent("Dora", 2);
    OnlineAgent cem = offlineAgent("Cem", 3);
    OnlineAgent ben = offlineAgent("Ben", 3);
    OnlineAgent anna = offlineAgent("Anna", 3);
    status(anna, new JsonObject().put("status", "online"));
    assertServerPicksThePolicysAgent("Anna"); // the only one
    status(ben, new JsonObject().put("status", "online"));
    assertServerPicksThePolicysAgent("Ben"); // lower load
    status(cem, new JsonObject().put("status", "online"));
    assertServerPicksThePolicysAgent("Cem"); // lower load
    assertServerPicksThePolicysAgent("Anna"); // all at 1: longest since the last assignment
    assertServerPicksThePolicysAgent("Ben");
    status(dora, new JsonObject().put("status", "online"));
    assertServerPicksThePolicysAgent("Dora"); // never assigned and the lowest load
    assertServerPicksThePolicysAgent("Cem"); // Anna 2, Ben 2, Cem 1, Dora 1: Cem waited longer than Dora
    status(anna, new JsonObject().put("status", "away"));
    status(dora, new JsonObject().put("maxChats", 1)); // now full
    assertServerPicksThePolicysAgent("Ben"); // Ben 2 at 10:05, Cem 2 at 10:07; Anna away, Dora full
    assertServerPicksThePolicysAgent("Cem");
    // Ben and Cem full, Anna away, Dora lowered to her load: nobody, so the chat waits.
    assertEquals(null, policysChoice());
    assertEquals("queued", requestChat().getString("status"));
  }
}
