package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Scenario 4, session set-up: open loop, {@code rate} new visitors a second for {@code seconds},
 * each minting its token, connecting, registering its inbox and reporting a page view; timed
 * from its start to the page view's reply. A visitor not through within 30 s counts as lost.
 * A warm-up at the same rate ({@link #WARM_UP_SECONDS} in full runs) comes first and is not
 * counted; its visitors leave before the measured run.
 */
final class SetupScenario {

  static final int WARM_UP_SECONDS = 3;

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
      JsonObject memory = Bench.memory(target, false);
      JsonObject stats = bench.finish();

      JsonObject counts = stats.getJsonObject("counts");
      JsonObject latencies = stats.getJsonObject("latencies");
      JsonObject row = Bench.row("setup", String.format(Locale.ROOT, "%,d visitors/s", rate), kind)
          .put("rate", rate).put("seconds", seconds).put("cpu", cpu).put("memory", memory)
          .put("counts", counts).put("latencies", latencies).put("errorExamples", stats.getJsonObject("errorExamples")).put("lost", Bench.count(counts, "lostReplies"));
      return row;
    }
  }
}
