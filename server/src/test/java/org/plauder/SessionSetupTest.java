package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.config.TrustedProxies;

/**
 * A visitor's session set-up — mint, socket, inbox, page view — where visitors minted together
 * are stored with one insert and page views written together: whatever was answered is stored,
 * every visitor can chat at once, keeps its id and its pages across a restart, and can be erased.
 */
@ExtendWith(VertxExtension.class)
class SessionSetupTest {

  private static final int VISITORS = 25; // under the 30 chats one address may start at once

  @TempDir
  Path dataDir;

  @Test
  void visitorsMintedTogetherAreStoredAndCanChatAtOnce(Vertx vertx) {
    TestNode node = TestNode.start(vertx, dataDir);
    List<BridgeClient> sockets = new ArrayList<>();
    try {
      TestNode.OnlineAgent agent = node.onlineAgent("Anna", VISITORS);
      List<Future<JsonObject>> minted = new ArrayList<>();
      for (int i = 0; i < VISITORS; i++) {
        minted.add(mint(node, null));
      }
      await(Future.all(minted));
      List<Future<JsonObject>> chats = new ArrayList<>();
      for (Future<JsonObject> m : minted) {
        Person visitor = person(m.result());
        BridgeClient bus = node.bridge();
        sockets.add(bus);
        bus.register("visitor." + visitor.id(), visitor.token());
        chats.add(bus.request("visitor.pageView", visitor.token(), new JsonObject().put("url", node.origin() + "/demo/").put("title", "Start"))
            .compose(view -> bus.request("visitor.requestChat", visitor.token(), new JsonObject()
                .put("text", "Hallo").put("clientMsgId", "first"))));
      }
      await(Future.all(chats));
      String admin = node.loginAdmin().token();
      for (int i = 0; i < VISITORS; i++) {
        Person visitor = person(minted.get(i).result());
        JsonObject chat = chats.get(i).result();
        assertEquals("active", chat.getString("status"), visitor.id());
        JsonObject stored = visitorAsAgentSees(node, agent.person().token(), visitor.id());
        assertEquals(1, stored.getInteger("pageCount"), visitor.id());
        assertEquals(node.origin() + "/demo/", stored.getJsonObject("currentPage").getString("url"));
        assertEquals(1, stored.getJsonArray("conversations").size());
      }
      // The erasure finds a visitor minted a moment ago, and nothing written behind brings it back.
      Person erased = person(minted.get(0).result());
      assertEquals(200, await(node.http.delete("/api/v1/visitors/" + erased.id()).bearerTokenAuthentication(admin).send()).statusCode());
      assertEquals(404, await(node.http.get("/api/v1/visitors/" + erased.id())
          .bearerTokenAuthentication(agent.person().token()).send()).statusCode());
    } finally {
      sockets.forEach(BridgeClient::close);
      node.close();
    }
  }

  @Test
  void aReturningVisitorKeepsItsIdItsPagesAndItsChatAfterARestart(Vertx vertx) {
    TestNode first = TestNode.start(vertx, dataDir);
    Person agent = first.createAgent("Anna", 2);
    Person visitor = person(await(mint(first, null)));
    String chat;
    try (BridgeClient bus = first.bridge()) {
      bus.register("agent." + agent.id(), agent.token());
      await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
      bus.register("visitor." + visitor.id(), visitor.token());
      // Two pages sent together go to the database together, in the order they were opened.
      await(Future.all(
          bus.request("visitor.pageView", visitor.token(), new JsonObject().put("url", first.origin() + "/demo/a").put("title", "A")),
          bus.request("visitor.pageView", visitor.token(), new JsonObject().put("url", first.origin() + "/demo/b").put("title", "B"))));
      chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()
          .put("text", "Vor dem Neustart").put("clientMsgId", "r-1"))).getJsonObject("conversation").getString("id");
    }
    first.close();

    TestNode second = TestNode.start(vertx, dataDir);
    try (BridgeClient bus = second.bridge()) {
      JsonObject again = await(mint(second, visitor.token()));
      assertEquals(visitor.id(), again.getString("visitorId"));
      assertFalse(again.getBoolean("returning"), "the same visit (less than 30 minutes away) is not a return");
      JsonObject history = await(bus.request("visitor.history", again.getString("token"), new JsonObject()));
      assertEquals(chat, history.getJsonObject("conversation").getString("id"));
      assertEquals("Vor dem Neustart", history.getJsonArray("messages").getJsonObject(0).getString("text"));
      JsonObject stored = visitorAsAgentSees(second, agent.token(), visitor.id());
      assertEquals(2, stored.getInteger("pageCount"));
      JsonArray pages = stored.getJsonArray("pages");
      assertEquals(List.of("A", "B"), List.of(pages.getJsonObject(0).getString("title"), pages.getJsonObject(1).getString("title")));
      assertTrue(stored.getString("lastSeenAt") != null);
    } finally {
      second.close();
    }
  }

  @Test
  void oneAddressMintsOnlySoManyVisitorsAtOnceAndOthersAreNotHeldUp(Vertx vertx) {
    int burst = 200; // VisitorApi.MINTS_BURST
    // A clock that stands still: the address earns nothing back while the test runs, however slow the machine.
    MovableClock clock = new MovableClock(Instant.now());
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir, null).withTrustedProxies(TrustedProxies.parse("127.0.0.1")), clock);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < burst + 20; i++) {
        statuses.add(mintFrom(node, "203.0.113.7"));
      }
      await(Future.all(statuses));
      long refused = statuses.stream().filter(f -> f.result() == 429).count();
      long minted = statuses.stream().filter(f -> f.result() == 200).count();
      assertEquals(burst + 20, refused + minted, "every mint is answered, with a visitor or a 429");
      assertEquals(20, refused, "the burst is spent, the rest refused");
      assertEquals(200, (int) await(mintFrom(node, "203.0.113.8")), "another address is not held up");
      clock.advance(Duration.ofSeconds(1));
      assertEquals(200, (int) await(mintFrom(node, "203.0.113.7")), "a second later the address may mint again");
    } finally {
      node.close();
    }
  }

  private static Future<Integer> mintFrom(TestNode node, String clientAddress) {
    return node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin()).putHeader("X-Forwarded-For", clientAddress)
        .sendJsonObject(new JsonObject()).map(response -> {
          if (response.statusCode() == 429) {
            assertEquals("rate_limited", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
          }
          return response.statusCode();
        });
  }

  private static Future<JsonObject> mint(TestNode node, String oldToken) {
    JsonObject body = oldToken == null ? new JsonObject() : new JsonObject().put("token", oldToken);
    return node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin()).sendJsonObject(body).map(response -> {
      assertEquals(200, response.statusCode(), response.bodyAsString());
      return response.bodyAsJsonObject();
    });
  }

  private static Person person(JsonObject minted) {
    return new Person(minted.getString("visitorId"), minted.getString("token"));
  }

  private static JsonObject visitorAsAgentSees(TestNode node, String agentToken, String visitorId) {
    var response = await(node.http.get("/api/v1/visitors/" + visitorId).bearerTokenAuthentication(agentToken).send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }
}
