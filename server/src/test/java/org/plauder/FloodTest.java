package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;

/**
 * One socket that floods the bridge is answered frame by frame and then cut off at the bridge,
 * while another visitor goes on chatting at nearly its usual pace.
 */
@ExtendWith(VertxExtension.class)
class FloodTest {

  static final int FLOOD_FRAMES = 4000;

  @TempDir
  Path dataDir;

  TestNode node;
  OnlineAgent agent;
  final List<BridgeClient> buses = new ArrayList<>();

  /** A visitor in an active chat, on its own socket. */
  record Chatter(Person person, BridgeClient bus, String chat) {}

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    agent = node.onlineAgent("Anna", 10);
  }

  @AfterEach
  void stop() {
    buses.forEach(BridgeClient::close);
    agent.bus().close();
    node.close();
  }

  Chatter chatter() {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register("visitor." + visitor.id(), visitor.token());
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()))
        .getJsonObject("conversation").getString("id");
    return new Chatter(visitor, bus, chat);
  }

  static Future<JsonObject> send(Chatter c, String clientMsgId) {
    return c.bus.request("visitor.send", c.person.token(), new JsonObject()
        .put("conversationId", c.chat).put("text", "Hallo " + clientMsgId).put("clientMsgId", clientMsgId));
  }

  static Future<JsonObject> typing(Chatter c) {
    return c.bus.request("visitor.typing", c.person.token(), new JsonObject().put("conversationId", c.chat).put("typing", true));
  }

  static double ackMillis(Chatter c, String clientMsgId) {
    long started = System.nanoTime();
    await(send(c, clientMsgId));
    return (System.nanoTime() - started) / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  @Test
  void aFloodingSocketGetsOneAnswerPerFrameIsCutOffAndAnotherVisitorHardlyWaits() throws Exception {
    // Both on 127.0.0.1: Vert.x 5.1.5's WebSocketClient cannot bind another source address. So the
    // flood also spends the address's message limit, which the calm visitor shares.
    Chatter calm = chatter();
    Chatter flooder = chatter();
    for (int i = 0; i < 3; i++) {
      ackMillis(calm, "warm-" + i);
    }
    List<Double> baseline = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      baseline.add(ackMillis(calm, "base-" + i));
      Thread.sleep(30);
    }

    List<Future<JsonObject>> flood = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch underWay = new CountDownLatch(1);
    Thread floodThread = new Thread(() -> {
      for (int i = 0; i < FLOOD_FRAMES; i++) {
        flood.add(i % 2 == 0 ? typing(flooder) : send(flooder, "flood-" + i));
        if (i == FLOOD_FRAMES / 8) {
          underWay.countDown();
        }
      }
    });
    floodThread.start();
    assertTrue(underWay.await(10, TimeUnit.SECONDS));
    List<Double> during = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      during.add(ackMillis(calm, "during-" + i));
    }
    floodThread.join();

    double allowed = Math.max(10 * median(baseline), 500);
    assertTrue(median(during) <= allowed, "acks during the flood took " + during + " ms, before it " + baseline + " ms");

    long deadline = System.currentTimeMillis() + 20_000;
    while (!flooder.bus.isClosed() && flood.stream().anyMatch(f -> !f.isComplete()) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(flooder.bus.isClosed(), "a socket that keeps flooding is closed");
    assertEquals((short) 4429, flooder.bus.closeStatusCode());
    assertEquals("flooding", flooder.bus.closeReason());
    assertEquals(List.of("flooding"), flooder.bus.errorFrames(), "no frame is refused without its answer");
    assertEquals(List.of(), flooder.bus.repeatedReplies());
    long answered = flood.stream().filter(Future::isComplete).count();
    long throttled = flood.stream().filter(f -> f.failed() && f.cause() instanceof BridgeClient.BridgeError e
        && e.failureCode == 429 && "rate_limited".equals(e.code())).count();
    assertTrue(throttled > 0 && answered < FLOOD_FRAMES, answered + " answered, " + throttled + " of them throttled");

    // The visitor behind the flood is not locked out for good: a new socket works.
    BridgeClient again = node.bridge();
    buses.add(again);
    assertTrue(await(again.request("visitor.history", flooder.person.token(), new JsonObject())).containsKey("conversation"));
  }

  @Test
  void aBurstOverTheSocketsBudgetIsAnsweredInFullAndTheSocketStaysOpen() throws Exception {
    Chatter visitor = chatter();
    List<Future<JsonObject>> burst = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      burst.add(visitor.bus.request("visitor.history", visitor.person.token(), new JsonObject()));
    }
    await(Future.join(burst).otherwiseEmpty());
    long ok = burst.stream().filter(Future::succeeded).count();
    long throttled = burst.stream().filter(f -> f.failed() && ((BridgeClient.BridgeError) f.cause()).failureCode == 429).count();
    assertEquals(150, ok + throttled, "every request is answered, with its result or a 429");
    assertTrue(throttled > 0, "150 requests at once are more than one socket may send");
    assertFalse(visitor.bus.isClosed());
    assertEquals(List.of(), visitor.bus.errorFrames());
    Thread.sleep(1500);
    assertTrue(await(visitor.bus.request("visitor.history", visitor.person.token(), new JsonObject())).containsKey("conversation"));
  }
}
