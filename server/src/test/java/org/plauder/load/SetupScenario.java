package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Scenario 4, session set-up: open loop, {@code rate} new visitors a second for {@code seconds},
 * each minting its token, connecting, registering its inbox and reporting a page view; timed
 * from its start to the page view's reply. A visitor not through within 30 s counts as lost.
 * A warm-up at the same rate ({@link #WARM_UP_SECONDS} by default) comes first and is not
 * counted; its visitors leave before the measured run.
 */
final class SetupScenario {

  /** Long enough for a fresh server's JIT: with 3 s its compilers took ~40 % of a core during the measured 10 s. */
  static final int WARM_UP_SECONDS = 15;

  private SetupScenario() {}

  private static boolean allThrough(JsonObject counts) {
    return Bench.count(counts, "acked") + Bench.count(counts, "lostReplies") + Bench.count(counts, "failedReplies")
        >= Bench.count(counts, "sent");
  }

  static JsonObject run(Bench bench, Target.Kind kind, int rate, int seconds, int warmUpSeconds) {
    bench.say("session set-up: %d/s for %d s on %s", rate, seconds, kind.name());
    try (Target target = kind.start()) {
      bench.init(target);
      // A fresh JVM compiles its hot paths in the first seconds; a short run at the same rate does that first.
      if (warmUpSeconds > 0) {
        bench.crew.all(new JsonObject().put("cmd", "sessions").put("rate", (double) rate / bench.crew.size())
            .put("seconds", (double) warmUpSeconds), warmUpSeconds + 120L);
        bench.awaitCounts(SetupScenario::allThrough, 35);
        bench.finish();
        bench.init(target);
      }
      Bench.Window window = bench.window(target);
      bench.crew.all(new JsonObject().put("cmd", "sessions").put("rate", (double) rate / bench.crew.size())
          .put("seconds", (double) seconds), seconds + 120L);
      JsonObject cpu = window.cpu();
      bench.awaitCounts(SetupScenario::allThrough, 35);
      // A server or generator that falls behind does part of the work after the last visitor started; this reading has it all.
      JsonObject untilThrough = window.cpu();
      JsonObject memory = Bench.memory(target, false);
      JsonObject stats = bench.finish();

      JsonObject counts = stats.getJsonObject("counts");
      JsonObject latencies = stats.getJsonObject("latencies");
      long sent = Math.max(1, Bench.count(counts, "sent"));
      JsonObject row = Bench.row("setup", String.format(Locale.ROOT, "%,d visitors/s", rate), kind)
          .put("rate", rate).put("seconds", seconds).put("cpu", cpu).put("cpuUntilAllThrough", untilThrough)
          .put("serverCpuMsPerSetUp", msPerSetUp(untilThrough, "serverCpuPercent", sent))
          .put("generatorCpuMsPerSetUp", msPerSetUp(untilThrough, "generatorCpuPercent", sent)).put("memory", memory)
          .put("counts", counts).put("latencies", latencies).put("errorExamples", stats.getJsonObject("errorExamples")).put("lost", Bench.count(counts, "lostReplies"));
      return row;
    }
  }

  /** CPU milliseconds per visitor started, from a reading in percent of one core over its window. */
  private static double msPerSetUp(JsonObject cpu, String percent, long sent) {
    double ms = cpu.getDouble(percent) / 100 * cpu.getDouble("windowSeconds") * 1000 / sent;
    return Math.round(ms * 100) / 100.0;
  }
}
