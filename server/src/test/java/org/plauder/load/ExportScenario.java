package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Scenario 5, bulk export: a target holding {@code messages} messages exports them all as
 * NDJSON to an admin, once to warm up and once measured; measures messages a second and how far the server's heap grows above
 * what it held before (sampled every 250 ms, and after a full GC at the end): the whole heap, eden
 * and its garbage included, and the part that survived a collection — what the export holds on to.
 * On Plauder also how long another command waits meanwhile ({@link CommandWaits}), and the time of
 * one report over the same conversations (after one to warm up), with the waits during it.
 */
final class ExportScenario {

  private ExportScenario() {}

  static JsonObject run(Bench bench, Target.Kind kind, long messages) {
    bench.say("export: %,d messages on %s (seeding first)", messages, kind.name());
    try (Target target = kind.startWithMessages(messages)) {
      Rest rest = new Rest(target);
      String admin = rest.loginAdmin().getString("token");
      // A warm-up export, uncounted, as the other scenarios warm up: a fresh server would spend
      // half its CPU compiling the export's code while the measured one runs.
      rest.export(admin);
      JsonObject before = Bench.memory(target, true);
      long survivedBeforeKb = Probe.heap(target.pid(), false).survivedKb();
      boolean plauder = !kind.name().startsWith("bare");
      Probe.HeapPeak peak = new Probe.HeapPeak(target.pid(), 250);
      Bench.Window window = bench.window(target);
      CommandWaits waits = plauder ? CommandWaits.start(rest, admin) : null;
      long[] exported = rest.export(admin);
      double seconds = window.seconds();
      JsonObject cpu = window.cpu();
      JsonObject commandWaits = waits == null ? null : waits.stop();
      Probe.Heap peakKb;
      try {
        peakKb = peak.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      JsonObject after = Bench.memory(target, true);

      double perSecond = exported[0] / seconds;
      double growthMb = Math.max(0, peakKb.usedKb() / 1024.0 - before.getDouble("heapMb"));
      double survivedGrowthMb = Math.max(0, (peakKb.survivedKb() - survivedBeforeKb) / 1024.0);
      JsonObject row = Bench.row("export", String.format(Locale.ROOT, "%,d messages", messages), kind)
          .put("messages", messages).put("lines", exported[0]).put("bytes", exported[1]).put("seconds", Bench.round1(seconds))
          .put("messagesPerSecond", Math.round(perSecond)).put("before", before).put("after", after)
          .put("peakHeapMb", Bench.round1(peakKb.usedKb() / 1024.0)).put("heapGrowthMb", Bench.round1(growthMb))
          .put("peakSurvivedMb", Bench.round1(peakKb.survivedKb() / 1024.0)).put("survivedGrowthMb", Bench.round1(survivedGrowthMb))
          .put("cpu", cpu);
      if (plauder) {
        row.put("commandWaits", commandWaits).put("report", report(rest, admin));
      }
      return row;
    }
  }

  /** The report over the same conversations, once to warm up and once timed, with the waits of other commands meanwhile. */
  private static JsonObject report(Rest rest, String admin) {
    rest.report(admin);
    CommandWaits waits = CommandWaits.start(rest, admin);
    long start = System.nanoTime();
    JsonObject report = rest.report(admin);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new JsonObject().put("seconds", Math.round(seconds * 1000) / 1000.0)
        .put("conversations", report.getJsonObject("site").getInteger("chats")).put("commandWaits", waits.stop());
  }
}
