package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/** Every routing step is written down with its rule and the agents considered; agents read it, visitors never. */
@ExtendWith(VertxExtension.class)
class RoutingAuditTest {

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

  static HttpResponse<Buffer> conversation(TestNode node, String id, String token) {
    return await(node.http.get("/api/v1/conversations/" + id).bearerTokenAuthentication(token).send());
  }

  private JsonArray routingOnceThere(String id, String token, int count) {
    return routingOnceThere(node, id, token, count);
  }

  /** The conversation's routing steps once there are {@code count} (the audit writes just after the step), at most 10 s. */
  static JsonArray routingOnceThere(TestNode node, String id, String token, int count) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      JsonArray routing = conversation(node, id, token).bodyAsJsonObject().getJsonArray("routing");
      if (routing.size() >= count || System.nanoTime() > deadline) {
        return routing;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void anAssignmentAndATransferAreExplainedToAgentsButNotToTheVisitor() {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    OnlineAgent ben = node.onlineAgent("Ben", 3);
    Person eva = node.newVisitor();
    BridgeClient evaBus = node.bridge();
    String chat = await(evaBus.request("visitor.requestChat", eva.token(), new JsonObject().put("text", "Hallo")
        .put("clientMsgId", "m-1"))).getJsonObject("conversation").getString("id");
    JsonObject assigned = await(node.http.get("/api/v1/conversations/" + chat).bearerTokenAuthentication(anna.person().token())
        .send()).bodyAsJsonObject().getJsonObject("conversation");
    OnlineAgent first = "Anna".equals(assigned.getString("agentName")) ? anna : ben;
    OnlineAgent second = first == anna ? ben : anna;

    JsonArray steps = routingOnceThere(chat, anna.person().token(), 1);
    JsonObject step = steps.getJsonObject(0);
    assertEquals(List.of("least-loaded", first.person().id()), List.of(step.getString("rule"), step.getString("agentId")));
    Map<String, Integer> freeSlots = step.getJsonArray("candidates").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getInteger("freeSlots")));
    assertEquals(Map.of("Anna", 3, "Ben", 3), freeSlots, "both were considered, each with 3 free slots");

    await(first.bus().request("agent.transfer", first.person().token(), new JsonObject().put("conversationId", chat)
        .put("toAgentId", second.person().id()).put("note", "Rechnungsfrage")));
    steps = routingOnceThere(chat, second.person().token(), 2);
    JsonObject transfer = steps.getJsonObject(1);
    assertEquals(List.of("transfer", second.person().id(), first.person().id()),
        List.of(transfer.getString("rule"), transfer.getString("agentId"), transfer.getString("fromAgentId")));

    // The agents' JSON transcript carries it; the visitor's does not, and the visitor cannot ask for it.
    JsonObject agentsCopy = await(node.http.get("/api/v1/conversations/" + chat + "/transcript?format=json")
        .bearerTokenAuthentication(first.person().token()).send()).bodyAsJsonObject();
    assertEquals(2, agentsCopy.getJsonArray("routing").size());
    JsonObject visitorsCopy = await(node.http.get("/api/v1/conversations/" + chat + "/transcript?format=json")
        .bearerTokenAuthentication(eva.token()).send()).bodyAsJsonObject();
    assertFalse(visitorsCopy.containsKey("routing"), visitorsCopy.encode());
    assertEquals("Hallo", visitorsCopy.getJsonArray("messages").getJsonObject(0).getString("text"));
    HttpResponse<Buffer> refused = conversation(node, chat, eva.token());
    assertEquals(401, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("error"));
  }
}
