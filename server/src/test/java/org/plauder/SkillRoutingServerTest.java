package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.BridgeClient.BridgeError;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * Languages, skills and topics over the real server: a German visitor asking about billing gets
 * the German billing agent although an idle English agent has more room, and the English agent
 * once the site's fallback time is over; the audit says which rule decided.
 */
@ExtendWith(VertxExtension.class)
class SkillRoutingServerTest {

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

  private HttpResponse<Buffer> patchSite(JsonObject body) {
    return await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin.token()).sendJsonObject(body));
  }

  private HttpResponse<Buffer> patchAgent(Person agent, JsonObject body) {
    return await(node.http.patch("/api/v1/agents/" + agent.id()).bearerTokenAuthentication(admin.token()).sendJsonObject(body));
  }

  private JsonObject requestChat(Person visitor, String language, String topic) {
    return await(node.bridge().request("visitor.requestChat", visitor.token(),
        new JsonObject().put("language", language).put("topic", topic)));
  }

  private void billingTopicWithFallbackAfter(int seconds) {
    JsonObject billing = new JsonObject().put("skill", "Billing")
        .put("labels", new JsonObject().put("de", "Rechnung und Zahlung").put("en", "Billing and payment"));
    HttpResponse<Buffer> site = patchSite(new JsonObject().put("topics", new JsonArray().add(billing)).put("skillFallbackSeconds", seconds));
    assertEquals(200, site.statusCode(), site.bodyAsString());
    assertEquals("billing", site.bodyAsJsonObject().getJsonArray("topics").getJsonObject(0).getString("skill"), "tags are lower-cased");
  }

  @Test
  void aGermanBillingVisitorGetsTheGermanBillingAgentFirstAndAnyoneAfterTheFallback() {
    billingTopicWithFallbackAfter(2);
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    OnlineAgent ed = node.onlineAgent("Ed", 5);
    HttpResponse<Buffer> annaTagged = patchAgent(anna.person(), new JsonObject().put("languages", new JsonArray().add("de"))
        .put("skills", new JsonArray().add("billing").add("Technik")));
    assertEquals(200, annaTagged.statusCode(), annaTagged.bodyAsString());
    assertEquals(List.of("billing", "technik"), annaTagged.bodyAsJsonObject().getJsonArray("skills").getList());
    assertEquals(200, patchAgent(ed.person(), new JsonObject().put("languages", new JsonArray().add("en"))).statusCode());

    // The visitor's page sees the topics when it is minted.
    Person eva = node.newVisitor();
    JsonObject first = requestChat(eva, "de-DE", "billing").getJsonObject("conversation");
    assertEquals("Anna", first.getString("agentName"), "the German billing agent, though Ed is idle with five free slots");
    JsonObject step = RoutingAuditTest.routingOnceThere(node, first.getString("id"), admin.token(), 1).getJsonObject(0);
    assertEquals("skill", step.getString("rule"));
    assertEquals(List.of("Anna"), step.getJsonArray("candidates").stream().map(c -> ((JsonObject) c).getString("name")).toList());

    // Anna is full now: the next German billing chat waits for her, then goes to Ed after 2 s.
    JsonObject second = requestChat(node.newVisitor(), "de", "billing");
    assertEquals("queued", second.getString("status"));
    String waiting = second.getJsonObject("conversation").getString("id");
    JsonObject fallback = RoutingAuditTest.routingOnceThere(node, waiting, admin.token(), 1).getJsonObject(0);
    assertEquals("fallback", fallback.getString("rule"));
    assertEquals("Ed", fallback.getString("agentName"));

    // The agents' view of the chat names what it asked for.
    JsonObject conversation = RoutingAuditTest.conversation(node, waiting, admin.token()).bodyAsJsonObject();
    assertEquals("de", conversation.getJsonObject("conversation").getString("language"));
    assertEquals("billing", conversation.getJsonObject("conversation").getString("topic"));
  }

  @Test
  void theWidgetLearnsTheTopicsAndAnUnknownTopicIsRefusedWithoutOpeningAChat() {
    billingTopicWithFallbackAfter(60);
    node.onlineAgent("Anna", 3);
    JsonObject minted = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
        .sendJsonObject(new JsonObject())).bodyAsJsonObject();
    JsonObject topic = minted.getJsonObject("site").getJsonArray("topics").getJsonObject(0);
    assertEquals("Rechnung und Zahlung", topic.getJsonObject("labels").getString("de"));

    Person kim = node.newVisitor();
    BridgeError refused = assertThrows(BridgeError.class, () -> requestChat(kim, "de", "shipping"));
    assertEquals("unknown_topic", refused.code());
    JsonObject history = await(node.bridge().request("visitor.history", kim.token(), new JsonObject()));
    assertNull(history.getJsonObject("conversation"), history.encode());
  }

  @Test
  void badTagsAreRefusedAndChangeNothing() {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    assertEquals(400, patchAgent(anna.person(), new JsonObject().put("languages", new JsonArray().add("Deutsch"))).statusCode());
    assertEquals(400, patchAgent(anna.person(), new JsonObject().put("skills", new JsonArray().add("<b>"))).statusCode());
    assertEquals(400, patchSite(new JsonObject().put("topics", new JsonArray().add(new JsonObject().put("skill", "billing")
        .put("labels", new JsonObject().put("fr", "Facturation"))))).statusCode());
    JsonArray agents = await(node.http.get("/api/v1/agents").bearerTokenAuthentication(admin.token()).send())
        .bodyAsJsonObject().getJsonArray("agents");
    JsonObject stored = agents.stream().map(JsonObject.class::cast).filter(a -> a.getString("name").equals("Anna")).findFirst().orElseThrow();
    assertEquals(List.of(), stored.getJsonArray("languages").getList());
    assertEquals(List.of(), stored.getJsonArray("skills").getList());
    assertEquals(0, patchSite(new JsonObject()).bodyAsJsonObject().getJsonArray("topics").size());
  }
}
