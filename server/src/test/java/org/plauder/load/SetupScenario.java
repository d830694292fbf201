package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Scenario 4, session set-up: open loop, {@code rate} new visitors a second for {@code seconds},
 * each minting its token, connecting, registering its inbox and reporting a page view; timed
 * from its start to the page view's reply. A visitor not through within 30 s counts as lost.
 */
final class SetupScenario {

  private SetupScenario() {}

  static JsonObject run(Bench bench, Target.Kind kind, int rate, int seconds) {
    bench.say("session set-up: %d/s for %d s on %s", rate, seconds, kind.name());
    try (Target target = kind.start()) {
      bench.init(target);
      Bench.Window window = bench.window(target);
      bench.crew.all(new JsonObject().put("cmd", "sessions").put("rate", (double) rate / bench.crew.size())
          .put("seconds", (double) seconds), seconds + 120L);
      JsonObject cpu = window.cpu();
      bench.awaitCounts(s -> Bench.count(s, "acked") + Bench.count(s, "lostReplies") + Bench.count(s, "failedReplies")
          >= Bench.count(s, "sent"), 35);
      JsonObject memory = Bench.memory(target, false);
      JsonObject stats = bench.finish();

      JsonObject counts = stats.getJsonObject("counts");
      JsonObject latencies = stats.getJsonObject("latencies");
      JsonObject row = Bench.row("setup", String.format(Locale.ROOT, "%,d visitors/s", rate), kind)
          .put("rate", rate).put("seconds", seconds).put("cpu", cpu).put("memory", memory)
          .put("counts", counts).put("latencies", latencies).put("lost", Bench.count(counts, "lostReplies"));
      row.put("summary", String.format(Locale.ROOT, "set-up %s; %,d started, %,d lost, %,d failed; server CPU %.0f %%",
          Bench.latency(latencies.getJsonObject("setup")), Bench.count(counts, "sent"), Bench.count(counts, "lostReplies"),
          Bench.count(counts, "failedReplies"), cpu.getDouble("serverCpuPercent")));
      return row;
    }
  }
}
