package org.plauder.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every load scenario at tiny size, against a real node in this JVM (started as {@code TestNode}
 * starts one) and against the bare relay, with two in-process workers: the generator must keep
 * speaking the real wire. It asserts what a user would notice (every reply and push came, the
 * figures are there and plausible), never how fast anything was.
 */
class LoadScenariosSmokeTest {

  @TempDir
  static Path dir;
  private static Vertx vertx;
  private static Crew crew;
  private static Bench bench;
  private static List<Target.Kind> targets;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    crew = Crew.inProcess(2);
    bench = new Bench(vertx, crew, line -> System.out.println("[load] " + line));
    targets = List.of(InProcessTargets.plauder(vertx, dir), InProcessTargets.bareRelay());
  }

  @AfterAll
  static void stop() {
    crew.close();
    org.plauder.TestNode.await(vertx.close());
  }

  @Test
  void idleVisitorsAreAllShownOnlineAndCostSomething() {
    onEveryTarget(target -> {
      // With an offer rule due after a second: the option that measures visitors waiting for help nobody can give.
      JsonObject row = IdleScenario.run(bench, target, 6, 0, 1, 1);
      assertEquals(target.name().startsWith("bare") ? 0 : 1, row.getInteger("offerAfterSeconds"), row.encode());
      assertEquals(6, row.getLong("arrived"), row.encode());
      assertEquals(6, row.getLong("shownOnline"), row.encode());
      assertPlausibleCpu(row.getJsonObject("idle").getDouble("serverCpuPercent"));
      assertTrue(row.getJsonObject("loaded").getDouble("rssMb") > 0, row.encode());
      assertNotNull(row.getDouble("heapPerVisitorKb"), row.encode());
    });
  }

  @Test
  void everyMessageIsAckedAndPushedToTheOtherSide() {
    onEveryTarget(target -> {
      JsonObject row = MessageScenario.run(bench, target, 10, 2, 0, 0);
      JsonObject counts = row.getJsonObject("counts");
      assertEquals(20, counts.getLong("sent"), row.encode());
      assertEquals(20, counts.getLong("acked"), row.encode());
      assertEquals(20, counts.getLong("pushes"), row.encode());
      assertEquals(0, row.getLong("lostReplies") + row.getLong("lostPushes"), row.encode());
      assertLatencies(row, "ack", 20);
      assertLatencies(row, "push", 20);
      assertPlausibleCpu(row.getJsonObject("cpu").getDouble("serverCpuPercent"));
    });
  }

  @Test
  void everyChatRequestIsAnsweredAndNoAgentGoesOverItsLimit() {
    onEveryTarget(target -> {
      JsonObject row = RoutingScenario.run(bench, target, 10, 12, 2, 5, 4, 1);
      JsonObject counts = row.getJsonObject("counts");
      assertEquals(12, counts.getLong("acked"), row.encode());
      assertEquals(0, row.getLong("lostReplies"), row.encode());
      assertEquals(10, counts.getLong("assignedPushes"), row.encode());
      assertEquals(10, counts.getLong("assignedToAgents"), row.encode());
      assertEquals(2, counts.getLong("chatStatus.queued"), row.encode());
      assertEquals(0, row.getLong("agentsOverLimit"), row.encode());
      assertEquals(5, row.getLong("maxChatsOfOneAgentSeen"), row.encode());
      assertLatencies(row, "chatReply", 12);
      assertLatencies(row, "assignedPush", 10);
    });
  }

  @Test
  void everyVisitorGetsThroughSessionSetUp() {
    onEveryTarget(target -> {
      JsonObject row = SetupScenario.run(bench, target, 4, 2, 0);
      JsonObject counts = row.getJsonObject("counts");
      assertEquals(8, counts.getLong("sent"), row.encode());
      assertEquals(8, counts.getLong("acked"), row.encode());
      assertEquals(0, row.getLong("lost"), row.encode());
      assertLatencies(row, "setup", 8);
    });
  }

  @Test
  void theBulkExportStreamsEverySeededMessage() {
    onEveryTarget(target -> {
      JsonObject row = ExportScenario.run(bench, target, 2_000);
      assertEquals(2_000, row.getLong("lines"), row.encode());
      assertTrue(row.getLong("messagesPerSecond") > 0, row.encode());
      assertTrue(row.getDouble("peakHeapMb") > 0, row.encode());
      assertTrue(row.getDouble("peakSurvivedMb") > 0 && row.getDouble("peakSurvivedMb") <= row.getDouble("peakHeapMb"), row.encode());
    });
  }

  /** Runs the scenario on each target; a failure names the target it happened on. */
  private static void onEveryTarget(Consumer<Target.Kind> scenario) {
    for (Target.Kind target : targets) {
      try {
        scenario.accept(target);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("on " + target.name() + ": " + e.getMessage(), e);
      }
    }
  }

  private static void assertLatencies(JsonObject row, String name, long count) {
    JsonObject l = row.getJsonObject("latencies").getJsonObject(name);
    assertNotNull(l, name + " missing in " + row.encode());
    assertEquals(count, l.getLong("count"), row.encode());
    assertTrue(l.getDouble("p50") <= l.getDouble("p99") && l.getDouble("p99") <= l.getDouble("max"), row.encode());
    assertTrue(l.getDouble("max") < 30_000, "a latency over the 30 s that count as lost: " + row.encode());
  }

  private static void assertPlausibleCpu(double percent) {
    assertTrue(percent >= 0 && percent <= 100.0 * Runtime.getRuntime().availableProcessors() + 50, "CPU " + percent + " %");
  }
}
