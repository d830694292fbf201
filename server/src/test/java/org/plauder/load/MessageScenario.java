package org.plauder.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 2, messages per second: rate/5 agents with 5 chats each and as many visitors; then,
 * open loop, {@code rate} messages a second, half from visitors and half from agents. Measures
 * ack latency (send → reply) and push latency (send → the other side's {@code message} push),
 * and counts what never came within 30 s. In full runs a warm-up ({@code warmUpSeconds} at up to
 * {@code warmUpRate} a second; options {@code --message-warm-up-seconds} and {@code --message-warm-up-rate})
 * comes first and is not counted.
 */
final class MessageScenario {

  static final int CHATS_PER_AGENT = 5;
  /** Full runs send this long at min(rate, warm-up rate) before the measured run, unless told otherwise. */
  static final int WARM_UP_SECONDS = 30;
  static final int WARM_UP_RATE = 1000;

  private MessageScenario() {}

  static JsonObject run(Bench bench, Target.Kind kind, int rate, int seconds, int warmUpSeconds, int warmUpRate) {
    // At rate/5 agents each agent sends 2.5 messages a second and each visitor 0.5: real people,
    // and under the per-sender limit (3 a second) that a busier agent would hit.
    int agents = Math.max(bench.crew.size(), (rate + CHATS_PER_AGENT - 1) / CHATS_PER_AGENT);
    int visitors = agents * CHATS_PER_AGENT;
    bench.say("messages: %d/s for %d s on %s (%d agents, %d visitors)", rate, seconds, kind.name(), agents, visitors);
    try (Target target = kind.start()) {
      bench.init(target);
      List<JsonObject> logins = new Rest(target).createAgents(agents, CHATS_PER_AGENT);
      bench.crew.all(i -> new JsonObject().put("cmd", "agents").put("agents", new JsonArray(slice(logins, bench, i))), 300);
      bench.crew.all(i -> new JsonObject().put("cmd", "visitors").put("count", bench.share(visitors, i))
          .put("concurrency", 5).put("requestChat", true), 1800);
      // The agents learn their chats from `assigned` pushes; what those miss they fetch as a reloaded dashboard would.
      bench.awaitCounts(s -> s.getLong("agentChats") >= visitors, 30);
      bench.crew.all(new JsonObject().put("cmd", "refreshChats"), 120);
      JsonObject setUp = bench.status();
      // A few chats short (an agent whose status reply never came) still measures the rest; more is a failed step.
      if (setUp.getLong("agentChats") < visitors * 0.95) {
        throw new IllegalStateException("the agents hold " + setUp.getLong("agentChats") + " of " + visitors + " chats: " + setUp.encode());
      }
      if (warmUpSeconds > 0) {
        // A fresh JVM spends its first minute compiling (C2 took 40 % of a core in cold 30 s runs; after
        // 20 s at 100/s still 21-33 % at 2,000/s, with p99 0.6-1.3 s against 57-116 ms after 30 s at
        // 1,000/s): a warm-up at a rate both targets sustain comes first, and only what follows counts.
        bench.crew.all(new JsonObject().put("cmd", "messages").put("rate", (double) Math.min(rate, warmUpRate) / bench.crew.size())
            .put("seconds", (double) warmUpSeconds), warmUpSeconds + 120L);
        bench.awaitCounts(MessageScenario::settled, 35);
      }
      bench.crew.all(new JsonObject().put("cmd", "report"), 60); // set-up and warm-up counts are not part of the result

      Bench.Window window = bench.window(target);
      bench.crew.all(i -> new JsonObject().put("cmd", "messages").put("rate", (double) rate / bench.crew.size())
          .put("seconds", (double) seconds), seconds + 120L);
      JsonObject cpu = window.cpu();
      long sendsEnded = System.nanoTime();
      boolean settled = bench.awaitCounts(MessageScenario::settled, 35);
      double settleSeconds = (System.nanoTime() - sendsEnded) / 1e9;
      JsonObject memory = Bench.memory(target, false);
      JsonObject stats = bench.finish();

      JsonObject counts = stats.getJsonObject("counts");
      JsonObject latencies = stats.getJsonObject("latencies");
      long stored = Bench.count(counts, "acked") + Bench.count(counts, "lateReplies");
      long lostPushes = Math.max(0, stored - Bench.count(counts, "pushes"));
      JsonObject row = Bench.row("messages", String.format(Locale.ROOT, "%,d msg/s", rate), kind)
          .put("rate", rate).put("seconds", seconds).put("agents", agents).put("visitors", visitors)
          .put("cpu", cpu).put("memory", memory).put("counts", counts).put("latencies", latencies).put("errorExamples", stats.getJsonObject("errorExamples"))
          .put("lostReplies", Bench.count(counts, "lostReplies")).put("lostPushes", lostPushes)
          .put("settled", settled).put("settleSeconds", Bench.round1(settleSeconds)).put("setUp", setUp);
      return row;
    }
  }

  /** Every reply came (or was given up) and every stored message was pushed to the other side. */
  private static boolean settled(JsonObject s) {
    return s.getLong("pendingReplies") == 0
        && Bench.count(s, "pushes") + Bench.count(s, "pushesLate") >= Bench.count(s, "acked") + Bench.count(s, "lateReplies");
  }

  /** The agents worker {@code index} plays: every n-th one. */
  static List<JsonObject> slice(List<JsonObject> all, Bench bench, int index) {
    return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % bench.crew.size() == index).mapToObj(all::get).toList();
  }
}
