package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * An agent is online only while its dashboard is connected: over the real bridge, an agent whose
 * last socket closes gets no new chat at once, and after the site's grace period its chats go to
 * a colleague (or back to the queue, at their place) with a line for the visitor. And auto-away:
 * an online agent who does nothing for the site's time is set away and keeps its chats.
 */
@ExtendWith(VertxExtension.class)
class AgentPresenceTest {

  @TempDir
  Path dataDir;

  /** The real time, unless a test skips ahead. */
  final TravellingClock clock = new TravellingClock();
  TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, TestNode.config(dataDir, null), clock);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private void setGraceSeconds(int seconds) {
    var saved = await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("agentGraceSeconds", seconds)));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals(seconds, saved.bodyAsJsonObject().getInteger("agentGraceSeconds"));
  }

  /** A visitor on a page in {@code language}, with its socket. */
  private record Visitor(Person person, BridgeClient bus) {}

  private Visitor visitor(String language) {
    Person person = node.newVisitor();
    BridgeClient bus = node.bridge();
    bus.register("visitor." + person.id(), person.token());
    await(bus.request("visitor.pageView", person.token(), new JsonObject().put("url", "http://localhost/demo/").put("language", language)));
    return new Visitor(person, bus);
  }

  private JsonObject requestChat(Visitor v, String text) {
    return await(v.bus().request("visitor.requestChat", v.person().token(), new JsonObject().put("name", "Eva")
        .put("text", text).put("clientMsgId", "first")));
  }

  /** The agent's dashboard again: a new socket on its inbox, registered before the request on it is answered. */
  private BridgeClient reconnect(OnlineAgent agent) {
    BridgeClient bus = node.bridge();
    bus.register("agent." + agent.person().id(), agent.person().token());
    await(bus.request("agent.conversations", agent.person().token(), new JsonObject()));
    return bus;
  }

  private JsonObject agentAsAdminSeesIt(String agentId) {
    return await(node.http.get("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getJsonArray("agents").stream().map(a -> (JsonObject) a)
        .filter(a -> agentId.equals(a.getString("id"))).findFirst().orElseThrow();
  }

  private static List<String> activeChats(OnlineAgent agent, BridgeClient bus) {
    return await(bus.request("agent.conversations", agent.person().token(), new JsonObject())).getJsonArray("active").stream()
        .map(c -> ((JsonObject) c).getString("id")).toList();
  }

  private List<String> rules(String conversationId, String token, int count) {
    return RoutingAuditTest.routingOnceThere(node, conversationId, token, count).stream()
        .map(s -> ((JsonObject) s).getString("rule")).toList();
  }

  @Test
  void whenTheDashboardIsGoneForTheGracePeriodAColleagueTakesOverAndTheVisitorIsTold() {
    setGraceSeconds(1);
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    Visitor eva = visitor("de-DE");
    String evaChat = requestChat(eva, "Wo bleibt mein Paket?").getJsonObject("conversation").getString("id");
    assertEquals("Anna", await(eva.bus().push("assigned")).getJsonObject("conversation").getString("agentName"));
    OnlineAgent ben = node.onlineAgent("Ben", 2);
    assertTrue(agentAsAdminSeesIt(anna.person().id()).getBoolean("connected"));

    anna.bus().close();

    JsonObject line = await(eva.bus().push(p -> "message".equals(p.getString("type"))
        && "system".equals(p.getJsonObject("message").getString("sender"))));
    assertEquals("Anna hat die Verbindung verloren; Ben übernimmt.", line.getJsonObject("message").getString("text"));
    JsonObject evaSees = await(eva.bus().push(p -> "assigned".equals(p.getString("type"))
        && "Ben".equals(p.getJsonObject("conversation").getString("agentName"))));
    assertEquals(evaChat, evaSees.getJsonObject("conversation").getString("id"));
    JsonObject benGets = await(ben.bus().push(p -> "assigned".equals(p.getString("type"))
        && evaChat.equals(p.getJsonObject("conversation").getString("id"))));
    assertEquals(List.of(anna.person().id(), "agentLost"),
        List.of(benGets.getJsonObject("transferredFrom").getString("id"), benGets.getString("reason")));
    assertEquals(List.of(evaChat), activeChats(ben, ben.bus()));

    // Anna was set away, holds nothing, and shows as not connected; the step is written down.
    JsonObject annaNow = agentAsAdminSeesIt(anna.person().id());
    assertEquals(List.of("away", 0, false), List.of(annaNow.getString("status"), annaNow.getInteger("load"), annaNow.getBoolean("connected")));
    assertEquals(List.of("least-loaded", "agent-lost"), rules(evaChat, ben.person().token(), 2));
  }

  @Test
  void comingBackWithinTheGracePeriodKeepsTheChats() {
    setGraceSeconds(3);
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    Visitor eva = visitor("en-GB");
    String evaChat = requestChat(eva, "Where is my parcel?").getJsonObject("conversation").getString("id");
    await(anna.bus().push("assigned"));
    OnlineAgent ben = node.onlineAgent("Ben", 2);
    Visitor max = visitor("en-GB");
    String maxChat = requestChat(max, "Can I pay by card?").getJsonObject("conversation").getString("id");
    assertEquals("Ben", await(max.bus().push("assigned")).getJsonObject("conversation").getString("agentName"));

    // Both dashboards drop; Anna's is back at once, Ben's is not.
    anna.bus().close();
    ben.bus().close();
    BridgeClient annaAgain = reconnect(anna);

    // Ben's grace period ran out: his chat went to Anna, who has room — so hers ran out too, and changed nothing.
    JsonObject line = await(max.bus().push(p -> "message".equals(p.getString("type"))
        && "system".equals(p.getJsonObject("message").getString("sender"))));
    assertEquals("Ben lost the connection; Anna takes over.", line.getJsonObject("message").getString("text"));
    assertEquals(List.of(evaChat, maxChat), activeChats(anna, annaAgain).stream().sorted((a, b) -> a.equals(evaChat) ? -1 : 1).toList());
    JsonObject annaNow = agentAsAdminSeesIt(anna.person().id());
    assertEquals(List.of("online", true), List.of(annaNow.getString("status"), annaNow.getBoolean("connected")));
    assertFalse(eva.bus().pendingPushes().stream().anyMatch(p -> "message".equals(p.getString("type"))
        && "system".equals(p.getJsonObject("message").getString("sender"))), "Eva was told nothing");
    assertEquals(List.of("least-loaded"), rules(evaChat, anna.person().token(), 1));
    annaAgain.close();
  }

  @Test
  void anAgentWithoutSocketGetsNoNewChatAndNobodyLeftMeansTheChatWaitsAtTheHeadOfTheQueue() {
    setGraceSeconds(1);
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    Visitor eva = visitor("en-GB");
    String evaChat = requestChat(eva, "Where is my parcel?").getJsonObject("conversation").getString("id");
    await(anna.bus().push("assigned"));
    Visitor max = visitor("en-GB");
    String maxChat = requestChat(max, "Can I pay by card?").getJsonObject("conversation").getString("id");
    assertEquals(1, await(max.bus().push("queued")).getInteger("position"));

    anna.bus().close();

    // At once: with Anna's dashboard gone nobody is online for a new visitor.
    Visitor lea = visitor("en-GB");
    assertFalse(await(lea.bus().request("visitor.availability", lea.person().token(), new JsonObject())).getBoolean("agentsOnline"));
    assertEquals("offline", requestChat(lea, "Hello?").getString("status"));

    // After the grace period nobody has room: Eva's chat waits again, ahead of Max who came later.
    JsonObject line = await(eva.bus().push(p -> "message".equals(p.getString("type"))
        && "system".equals(p.getJsonObject("message").getString("sender"))));
    assertEquals("Anna lost the connection; a colleague will take over shortly.", line.getJsonObject("message").getString("text"));
    assertEquals(1, await(eva.bus().push(p -> "queued".equals(p.getString("type")) && evaChat.equals(p.getString("conversationId"))))
        .getInteger("position"));

    // Ben comes online: the chat at the head of the queue is his, Max still waits.
    OnlineAgent ben = node.onlineAgent("Ben", 1);
    assertEquals(evaChat, await(ben.bus().push("assigned")).getJsonObject("conversation").getString("id"));
    assertEquals(List.of("least-loaded", "agent-lost", "least-loaded"), rules(evaChat, ben.person().token(), 3));
    assertEquals(maxChat, await(max.bus().push(p -> "queued".equals(p.getString("type")) && p.getInteger("position") == 1))
        .getString("conversationId"));
  }

  @Test
  void afterARestartNobodyIsOnlineUntilTheirDashboardReconnects(Vertx vertx) {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    anna.bus().close();
    node.close();
    node = TestNode.start(vertx, dataDir);

    // Anna's stored choice is still "online", but without her dashboard nobody is there.
    Visitor eva = visitor("en-GB");
    assertFalse(await(eva.bus().request("visitor.availability", eva.person().token(), new JsonObject())).getBoolean("agentsOnline"));
    assertEquals("offline", requestChat(eva, "Anyone there?").getString("status"));
    assertEquals(List.of("online", false), List.of(agentAsAdminSeesIt(anna.person().id()).getString("status"),
        agentAsAdminSeesIt(anna.person().id()).getBoolean("connected")));

    // Her dashboard reconnects (the same token, a new socket): she is online again without choosing anything.
    Person again = anna.person();
    BridgeClient annaBus = node.bridge();
    annaBus.register("agent." + again.id(), again.token());
    await(annaBus.request("agent.conversations", again.token(), new JsonObject()));
    assertTrue(await(eva.bus().request("visitor.availability", eva.person().token(), new JsonObject())).getBoolean("agentsOnline"));
    String chat = requestChat(eva, "Hello again").getJsonObject("conversation").getString("id");
    assertEquals(chat, await(annaBus.push("assigned")).getJsonObject("conversation").getString("id"));
    annaBus.close();
  }

  @Test
  void anAgentWhoDoesNothingForTheAutoAwayTimeIsSetAwayAndKeepsItsChats() {
    String admin = node.loginAdmin().token();
    assertEquals(0, await(node.http.get("/api/v1/site").bearerTokenAuthentication(admin).send()).bodyAsJsonObject()
        .getInteger("agentAutoAwayMinutes"), "off by default");
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("agentAutoAwayMinutes", 5).put("reassignAfterSeconds", 0))).statusCode());

    OnlineAgent anna = node.onlineAgent("Anna", 2);
    Person eva = node.newVisitor();
    BridgeClient evaBus = node.bridge();
    evaBus.register("visitor." + eva.id(), eva.token());
    String evaChat = await(evaBus.request("visitor.requestChat", eva.token(), new JsonObject().put("text", "Hallo?").put("clientMsgId", "e-1")))
        .getJsonObject("conversation").getString("id");
    await(anna.bus().push("assigned"));
    OnlineAgent ben = node.onlineAgent("Ben", 2);

    clock.skip(Duration.ofMinutes(4));
    await(anna.bus().request("agent.typing", anna.person().token(), new JsonObject().put("conversationId", evaChat).put("typing", true)));
    clock.skip(Duration.ofMinutes(2));

    // Ben did nothing for six minutes: away, and his dashboard is told. Anna acted two minutes ago: online, with her chat.
    assertEquals("away", await(ben.bus().push(p -> "status".equals(p.getString("type")) && "away".equals(p.getString("status"))))
        .getString("status"));
    assertEquals(List.of("away", true), List.of(agentAsAdminSeesIt(ben.person().id()).getString("status"),
        agentAsAdminSeesIt(ben.person().id()).getBoolean("connected")));
    assertEquals("online", agentAsAdminSeesIt(anna.person().id()).getString("status"));
    assertFalse(anna.bus().pendingPushes().stream().anyMatch(p -> "status".equals(p.getString("type")) && "away".equals(p.getString("status"))));
    assertEquals(List.of(evaChat), await(anna.bus().request("agent.conversations", anna.person().token(), new JsonObject()))
        .getJsonArray("active").stream().map(c -> ((JsonObject) c).getString("id")).toList());
  }
}
