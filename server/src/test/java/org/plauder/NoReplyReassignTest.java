package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/** A new chat its agent leaves unanswered moves to a colleague with room, over the real bridge. */
@ExtendWith(VertxExtension.class)
class NoReplyReassignTest {

  private static final Duration PAST_THE_REPLY_TIME = Duration.ofSeconds(91);

  @TempDir
  Path dataDir;

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

  private String requestChat(BridgeClient bus, Person visitor, String text) {
    return await(bus.request("visitor.requestChat", visitor.token(), new JsonObject().put("name", "Eva")
        .put("text", text).put("clientMsgId", "first"))).getJsonObject("conversation").getString("id");
  }

  @Test
  void anUnansweredChatGoesToAColleagueWithRoomAndTheAnsweredOneStays() {
    JsonObject site = await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertEquals(90, site.getInteger("reassignAfterSeconds"), "on by default, after 90 s");
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    OnlineAgent ben = node.onlineAgent("Ben", 2);
    Map<String, OnlineAgent> byName = Map.of("Anna", anna, "Ben", ben);

    Person eva = node.newVisitor();
    BridgeClient evaBus = node.bridge();
    evaBus.register("visitor." + eva.id(), eva.token());
    String evaChat = requestChat(evaBus, eva, "Wo bleibt mein Paket?");
    OnlineAgent silent = byName.get(await(evaBus.push("assigned")).getJsonObject("conversation").getString("agentName"));
    String silentId = silent.person().id();
    OnlineAgent colleague = silent == anna ? ben : anna;
    await(silent.bus().push("assigned"));

    // Max's chat goes to the colleague (lower load), who answers at once.
    Person max = node.newVisitor();
    BridgeClient maxBus = node.bridge();
    String maxChat = requestChat(maxBus, max, "Kann ich mit PayPal zahlen?");
    assertEquals(maxChat, await(colleague.bus().push("assigned")).getJsonObject("conversation").getString("id"));
    await(colleague.bus().request("agent.send", colleague.person().token(), new JsonObject()
        .put("conversationId", maxChat).put("text", "Ja, gern!").put("clientMsgId", "a-1")));

    clock.skip(PAST_THE_REPLY_TIME);

    // Eva's chat moves: the colleague gets it with its history, the silent agent is told, Eva sees the new name.
    JsonObject moved = await(colleague.bus().push(p -> "assigned".equals(p.getString("type"))
        && evaChat.equals(p.getJsonObject("conversation").getString("id"))));
    assertEquals(silentId, moved.getJsonObject("transferredFrom").getString("id"));
    assertEquals("noReply", moved.getString("reason"));
    JsonObject told = await(silent.bus().push("transferred"));
    assertEquals(List.of(evaChat, colleague.person().id(), "noReply"),
        List.of(told.getString("conversationId"), told.getJsonObject("toAgent").getString("id"), told.getString("reason")));
    JsonObject evaSees = await(evaBus.push("assigned")).getJsonObject("conversation");
    assertEquals(colleague == anna ? "Anna" : "Ben", evaSees.getString("agentName"));

    // Unanswered with the colleague as well: after the reply time it moves on again, to the first agent, who has room.
    clock.skip(PAST_THE_REPLY_TIME);
    JsonObject back = await(silent.bus().push(p -> "assigned".equals(p.getString("type"))
        && evaChat.equals(p.getJsonObject("conversation").getString("id"))));
    assertEquals(colleague.person().id(), back.getJsonObject("transferredFrom").getString("id"));

    // Max's chat, answered in time, never moved: still the colleague's, and the loads add up.
    JsonObject colleagueDesk = await(colleague.bus().request("agent.conversations", colleague.person().token(), new JsonObject()));
    List<String> colleagueChats = colleagueDesk.getJsonArray("active").stream().map(c -> ((JsonObject) c).getString("id")).toList();
    assertEquals(List.of(maxChat), colleagueChats);
    assertEquals(1, colleagueDesk.getJsonObject("agent").getInteger("load"));
    JsonObject silentDesk = await(silent.bus().request("agent.conversations", silent.person().token(), new JsonObject()));
    assertEquals(1, silentDesk.getJsonObject("agent").getInteger("load"));
    assertTrue(silentDesk.getJsonArray("active").stream().anyMatch(c -> evaChat.equals(((JsonObject) c).getString("id"))));

    // Each move is written down with its reason.
    List<String> rules = RoutingAuditTest.routingOnceThere(node, evaChat, silent.person().token(), 3).stream()
        .map(s -> ((JsonObject) s).getString("rule")).toList();
    assertEquals(List.of("least-loaded", "reassign-no-reply", "reassign-no-reply"), rules);
  }
}
