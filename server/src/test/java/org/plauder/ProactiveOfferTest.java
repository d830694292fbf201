package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.protocol.LiveVisitorsJson;

/** Help offered to a visitor who lingers, and the live-visitors list agents see, over the real bridge. */
@ExtendWith(VertxExtension.class)
class ProactiveOfferTest {

  static final String CHECKOUT = "http://localhost/demo/kasse.html";

  @TempDir
  Path dataDir;

  TestNode node;
  Person agent;
  BridgeClient agentBus;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    TestNode.OnlineAgent anna = node.onlineAgent("Anna", 1);
    agent = anna.person();
    agentBus = anna.bus();
    node.saveCheckoutOfferRule();
  }

  @AfterEach
  void stop() {
    agentBus.close();
    node.close();
  }

  /** A visitor with an open tab on a page. */
  record Tab(Person visitor, BridgeClient bus) {}

  Tab onPage(String url) {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    bus.register("visitor." + visitor.id(), visitor.token());
    await(bus.request("visitor.pageView", visitor.token(), new JsonObject().put("url", url).put("title", "Kasse").put("language", "de-DE")));
    return new Tab(visitor, bus);
  }

  JsonObject stats() {
    return node.checkoutOfferStats();
  }

  static boolean hasOffer(BridgeClient bus) {
    return bus.pendingPushes().stream().anyMatch(p -> "offer".equals(p.getString("type")));
  }

  @Test
  void theOfferArrivesAfterTheDwellNotBeforeAndNotTwice() throws Exception {
    long start = System.nanoTime();
    Tab tab = onPage(CHECKOUT);
    Thread.sleep(500);
    assertFalse(hasOffer(tab.bus()), "no offer before the visitor has been on the page for a second");
    JsonObject offer = await(tab.bus().push("offer")).getJsonObject("offer");
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 1000);
    assertEquals("Brauchen Sie Hilfe beim Bezahlen?", offer.getString("text"));

    await(tab.bus().request("visitor.dismissOffer", tab.visitor().token(), new JsonObject().put("offerId", offer.getString("id"))));
    await(tab.bus().request("visitor.pageView", tab.visitor().token(), new JsonObject().put("url", CHECKOUT)));
    Thread.sleep(2000);
    assertFalse(hasOffer(tab.bus()), "a dismissed offer is not made again within the cooldown");
    assertEquals(new JsonObject().put("shown", 1).put("accepted", 0).put("dismissed", 1), stats());
    tab.bus().close();
  }

  @Test
  void anOfferCountsAsShownOnlyOnceTheWidgetSaysItIsOnScreenAndThenOnlyOnce() {
    Tab tab = onPage(CHECKOUT);
    String offerId = await(tab.bus().push("offer")).getJsonObject("offer").getString("id");
    assertEquals(0, stats().getInteger("shown", 0), "pushed, but held back (the panel is open): not shown yet");
    await(tab.bus().request("visitor.offerSeen", tab.visitor().token(), new JsonObject().put("offerId", "0".repeat(24))));
    assertEquals(0, stats().getInteger("shown", 0), "another offer's id counts nothing");

    await(tab.bus().request("visitor.offerSeen", tab.visitor().token(), new JsonObject().put("offerId", offerId)));
    assertEquals(1, stats().getInteger("shown"));
    BridgeClient secondTab = node.bridge();
    secondTab.register("visitor." + tab.visitor().id(), tab.visitor().token());
    await(secondTab.request("visitor.offerSeen", tab.visitor().token(), new JsonObject().put("offerId", offerId)));
    await(tab.bus().request("visitor.offerSeen", tab.visitor().token(), new JsonObject().put("offerId", offerId)));
    assertEquals(1, stats().getInteger("shown"), "another tab, another page: the same offer, counted once");
    java.time.Instant now = java.time.Instant.now();
    assertEquals(1, await(node.http.get("/api/v1/reports?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60))
        .bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject().getJsonObject("site").getInteger("offersShown"));
    secondTab.close();
    tab.bus().close();
  }

  @Test
  void noOfferOnOtherPagesOrWhileNoAgentHasRoomAndOneWhenRoomComes() throws Exception {
    Tab elsewhere = onPage("http://localhost/demo/produkt.html");
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("maxChats", 0)));
    Tab full = onPage(CHECKOUT);
    Thread.sleep(2500);
    assertFalse(hasOffer(elsewhere.bus()));
    assertFalse(hasOffer(full.bus()), "no help is offered that nobody could give");

    // The visitor still on the page gets the offer once help can be given (it looks again every 10 s).
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("maxChats", 1)));
    assertEquals("Brauchen Sie Hilfe beim Bezahlen?", await(full.bus().push("offer"), 15).getJsonObject("offer").getString("text"));
    assertFalse(hasOffer(elsewhere.bus()), "still none where no rule applies");
    elsewhere.bus().close();
    full.bus().close();
  }

  @Test
  void acceptingOpensAChatWithTheOfferTextRoutedToAnAgent() {
    Tab tab = onPage(CHECKOUT);
    JsonObject offer = await(tab.bus().push("offer")).getJsonObject("offer");
    JsonObject nextPage = await(tab.bus().request("visitor.pageView", tab.visitor().token(), new JsonObject().put("url", CHECKOUT)));
    assertEquals(offer.getString("id"), nextPage.getJsonObject("offer").getString("id"), "the next page learns the offer is open");
    JsonObject state = await(tab.bus().request("visitor.acceptOffer", tab.visitor().token(),
        new JsonObject().put("offerId", offer.getString("id"))));
    assertEquals("active", state.getString("status"));
    String chat = state.getJsonObject("conversation").getString("id");
    assertEquals(chat, await(agentBus.push("assigned")).getJsonObject("conversation").getString("id"));
    JsonObject first = await(agentBus.request("agent.history", agent.token(), new JsonObject().put("conversationId", chat)))
        .getJsonArray("messages").getJsonObject(0);
    assertEquals("system", first.getString("sender"));
    assertEquals("Brauchen Sie Hilfe beim Bezahlen?", first.getString("text"));
    assertEquals(1, stats().getInteger("accepted"));
    java.time.Instant now = java.time.Instant.now();
    JsonObject report = await(node.http.get("/api/v1/reports?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60))
        .bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject().getJsonObject("site");
    assertEquals(1, report.getInteger("offersShown"));
    assertEquals(1, report.getInteger("offersAccepted"));
    JsonObject earlier = await(node.http.get("/api/v1/reports?from=2026-01-01&to=2026-01-02")
        .bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject().getJsonObject("site");
    assertEquals(0, earlier.getInteger("offersShown"));
    assertEquals("offer_gone", ChatFlowTest.assertRefused(tab.bus().request("visitor.acceptOffer", tab.visitor().token(),
        new JsonObject().put("offerId", offer.getString("id")))).code());
    tab.bus().close();
  }

  @Test
  void startingAChatOnItsOwnClosesTheOpenOffer() {
    await(agentBus.request("agent.visitors", agent.token(), new JsonObject().put("watching", true)));
    Tab tab = onPage(CHECKOUT);
    JsonObject offer = await(tab.bus().push("offer")).getJsonObject("offer");
    await(tab.bus().request("visitor.requestChat", tab.visitor().token(), new JsonObject().put("name", "Eva")));
    assertEquals(offer.getString("id"), await(tab.bus().push("offerClosed")).getString("offerId"));
    await(agentBus.push(p -> visitorsPushHas(p, v -> "Eva".equals(v.getString("name")))));
    JsonObject seen = await(agentBus.request("agent.visitors", agent.token(), new JsonObject())).getJsonArray("visitors").getJsonObject(0);
    assertFalse(seen.getBoolean("offerOpen"));
    tab.bus().close();
  }

  @Test
  void agentsSeeWhoIsOnlineAndInviteThemInTheirOwnWords() throws Exception {
    await(node.http.put("/api/v1/offer-rules").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("rules", new JsonArray())));
    Tab tab = onPage("http://localhost/demo/produkt.html");
    // the live-visitors view is open: the list is watched
    JsonArray online = await(agentBus.request("agent.visitors", agent.token(), new JsonObject().put("watching", true)))
        .getJsonArray("visitors");
    assertEquals(1, online.size());
    JsonObject seen = online.getJsonObject(0);
    assertEquals(tab.visitor().id(), seen.getString("visitorId"));
    assertEquals("http://localhost/demo/produkt.html", seen.getString("url"));
    assertEquals(1, seen.getInteger("pagesSeen"));
    assertFalse(seen.getBoolean("returning"));

    await(agentBus.request("agent.invite", agent.token(), new JsonObject()
        .put("visitorId", tab.visitor().id()).put("text", "Hallo! Kann ich bei der Auswahl helfen?")));
    JsonObject offer = await(tab.bus().push("offer")).getJsonObject("offer");
    assertEquals("Anna", offer.getString("from"));
    await(agentBus.push(p -> visitorsPushHas(p, v -> v.getBoolean("offerOpen"))));
    JsonObject state = await(tab.bus().request("visitor.acceptOffer", tab.visitor().token(),
        new JsonObject().put("offerId", offer.getString("id"))));
    assertEquals("Anna", state.getJsonObject("conversation").getString("agentName"));
    await(agentBus.push(p -> visitorsPushHas(p, v -> !v.getBoolean("offerOpen"))));
    JsonObject first = await(agentBus.request("agent.history", agent.token(),
        new JsonObject().put("conversationId", state.getJsonObject("conversation").getString("id")))).getJsonArray("messages").getJsonObject(0);
    assertEquals("agent", first.getString("sender"));
    assertEquals("Hallo! Kann ich bei der Auswahl helfen?", first.getString("text"));

    // Closing the tab ends the presence once the grace period (1 s in tests) has passed.
    tab.bus().close();
    JsonObject left = await(agentBus.push("visitorLeft"));
    assertEquals(tab.visitor().id(), left.getString("visitorId"));
    assertEquals(0, await(agentBus.request("agent.visitors", agent.token(), new JsonObject())).getJsonArray("visitors").size());
  }

  @Test
  void aBigShopsListCarriesTheLatestVisitorsInFullAndTheOthersByIdOnly() {
    int online = LiveVisitorsJson.IN_FULL + 3;
    List<Tab> tabs = new ArrayList<>();
    for (int i = 0; i < online; i++) {
      tabs.add(onPage("http://localhost/demo/seite-" + i + ".html"));
    }
    JsonObject reply = await(agentBus.request("agent.visitors", agent.token(), new JsonObject()));
    assertEquals(online, reply.getInteger("total"), "the count is everyone's");
    JsonArray inFull = reply.getJsonArray("visitors");
    assertEquals(LiveVisitorsJson.IN_FULL, inFull.size());
    for (int i = 0; i < inFull.size(); i++) {
      int latest = online - 1 - i;
      assertEquals(tabs.get(latest).visitor().id(), inFull.getJsonObject(i).getString("visitorId"), "latest page first");
      assertEquals("http://localhost/demo/seite-" + latest + ".html", inFull.getJsonObject(i).getString("url"));
    }
    // the three who came first, by id only and latest first too
    assertEquals(new JsonArray().add(tabs.get(2).visitor().id()).add(tabs.get(1).visitor().id()).add(tabs.get(0).visitor().id()),
        reply.getJsonArray("others"));
    assertEquals(60, reply.getInteger("watchSeconds"));
    tabs.forEach(tab -> tab.bus().close());
  }

  @Test
  void anAgentWatchingTheListSeesAChangeWithinAQuarterSecondTheOthersWithinFiveSeconds() {
    TestNode.OnlineAgent ben = node.onlineAgent("Ben", 1);
    JsonObject watched = await(agentBus.request("agent.visitors", agent.token(), new JsonObject().put("watching", true)));
    assertEquals(60, watched.getInteger("watchSeconds"));
    assertEquals("invalid_input", ChatFlowTest.assertRefused(agentBus.request("agent.visitors", agent.token(),
        new JsonObject().put("watching", "yes"))).code());

    Tab tab = onPage("http://localhost/demo/produkt.html");
    String eva = tab.visitor().id();
    JsonObject full = await(agentBus.push(p -> visitorsPushHas(p, v -> eva.equals(v.getString("visitorId")))));
    assertTrue(full.getJsonArray("visitors").getJsonObject(0).containsKey("url"), "the watching agent sees where she is");
    java.util.function.Predicate<JsonObject> herId = p -> "visitorsOnline".equals(p.getString("type"))
        && p.getJsonArray("visitorIds").contains(eva);
    assertFalse(ben.bus().pendingPushes().stream().anyMatch(herId),
        "Ben does not watch the list: the change comes with the next five-second frame");
    await(ben.bus().push(herId));
    assertFalse(ben.bus().pendingPushes().stream().anyMatch(p -> "visitors".equals(p.getString("type"))),
        "and only her id: Ben's list is fetched when he opens it");

    // Anna closes the view: from now on she is told with everyone else, and still told
    await(agentBus.request("agent.visitors", agent.token(), new JsonObject().put("watching", false)));
    await(tab.bus().request("visitor.pageView", tab.visitor().token(), new JsonObject().put("url", CHECKOUT)));
    await(ben.bus().push(herId));
    await(agentBus.push(herId));
    ben.bus().close();
    tab.bus().close();
  }

  @Test
  void aPageChangeWithinTheGracePeriodIsNotADeparture() throws Exception {
    Tab first = onPage("http://localhost/demo/");
    first.bus().close();
    BridgeClient next = node.bridge();
    next.register("visitor." + first.visitor().id(), first.visitor().token());
    await(next.request("visitor.pageView", first.visitor().token(), new JsonObject().put("url", "http://localhost/demo/produkt.html")));
    Thread.sleep(1500);
    assertFalse(agentBus.pendingPushes().stream().anyMatch(p -> "visitorLeft".equals(p.getString("type"))));
    JsonObject seen = await(agentBus.request("agent.visitors", agent.token(), new JsonObject())).getJsonArray("visitors").getJsonObject(0);
    assertEquals(2, seen.getInteger("pagesSeen"));
    next.close();
  }

  /** Whether {@code push} is a live-visitors push with a visitor that {@code which} accepts. */
  private static boolean visitorsPushHas(JsonObject push, java.util.function.Predicate<JsonObject> which) {
    return "visitors".equals(push.getString("type"))
        && push.getJsonArray("visitors").stream().map(JsonObject.class::cast).anyMatch(which);
  }
}
