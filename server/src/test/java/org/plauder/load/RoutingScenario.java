package org.plauder.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 3, routing: {@code agents} agents with {@code slots} chats each are online; then,
 * open loop, {@code requests} visitors (already on the page) ask for a chat, {@code rate} a
 * second. Measures the reply and the visitor's {@code assigned} push (from the request), counts
 * what never came within 30 s, and afterwards checks that no agent holds more than its limit,
 * both as the server's agent list says and as the agents' own pushes say. In full runs a warm-up
 * comes first and is not counted: {@link #WARM_UP_CHATS} other visitors ask at up to
 * {@link #WARM_UP_RATE} a second, are all assigned, and end their chats again, so that what is
 * measured is a server that has routed before (its code compiled), not one just started;
 * {@code warmUpRounds} (option {@code --routing-warm-ups}) says how many times.
 */
final class RoutingScenario {

  static final int WARM_UP_CHATS = 300;
  /** One round left the C2 compiler at 35-44 % of the server's CPU in the measured 200/s step (p99 0.4-1.3 s); six, at 13-22 % (p99 70-104 ms). */
  static final int WARM_UP_ROUNDS = 6;
  static final int WARM_UP_RATE = 50;

  private RoutingScenario() {}

  static JsonObject run(Bench bench, Target.Kind kind, int rate, int requests, int agents, int slots, int warmUpChats,
      int warmUpRounds) {
    bench.say("routing: %d requests at %d/s onto %d agents x %d on %s", requests, rate, agents, slots, kind.name());
    try (Target target = kind.start()) {
      bench.init(target);
      Rest rest = new Rest(target);
      List<JsonObject> logins = rest.createAgents(agents, slots);
      bench.crew.all(i -> new JsonObject().put("cmd", "agents").put("agents", new JsonArray(MessageScenario.slice(logins, bench, i))), 300);
      for (int round = 0; round < warmUpRounds; round++) {
        warmUp(bench, Math.min(warmUpChats, agents * slots), Math.min(rate, WARM_UP_RATE));
      }
      bench.crew.all(i -> new JsonObject().put("cmd", "visitors").put("count", bench.share(requests, i)).put("concurrency", 10), 1800);
      bench.crew.all(new JsonObject().put("cmd", "report"), 60); // set-up counts are not part of the result

      long expectedAssigned = Math.min(requests, (long) agents * slots);
      Bench.Window window = bench.window(target);
      bench.crew.all(new JsonObject().put("cmd", "requests").put("rate", (double) rate / bench.crew.size()), 3600);
      long sendsEnded = System.nanoTime();
      boolean settled = bench.awaitCounts(s -> s.getLong("pendingReplies") == 0
          && Bench.count(s, "assignedPushes") + Bench.count(s, "assignedPushesLate") >= expectedAssigned
          && Bench.count(s, "assignedToAgents") >= expectedAssigned, 35);
      double settleSeconds = (System.nanoTime() - sendsEnded) / 1e9;
      JsonObject cpu = window.cpu();
      JsonObject memory = Bench.memory(target, false);
      JsonArray agentList = rest.agents(rest.loginAdmin().getString("token"));
      JsonObject stats = bench.finish();

      JsonObject counts = stats.getJsonObject("counts");
      JsonObject latencies = stats.getJsonObject("latencies");
      long overLimit = agentList.stream().map(JsonObject.class::cast)
          .filter(a -> a.getInteger("load", 0) > a.getInteger("maxChats", 0)).count();
      long lostAssigned = Math.max(0, expectedAssigned - Bench.count(counts, "assignedPushes"));
      JsonObject row = Bench.row("routing", String.format(Locale.ROOT, "%,d requests at %,d/s", requests, rate), kind)
          .put("rate", rate).put("requests", requests).put("agents", agents).put("slots", slots)
          .put("cpu", cpu).put("memory", memory).put("counts", counts).put("latencies", latencies).put("errorExamples", stats.getJsonObject("errorExamples"))
          .put("lostReplies", Bench.count(counts, "lostReplies")).put("expectedAssigned", expectedAssigned)
          .put("lostAssignedPushes", lostAssigned).put("agentsOverLimit", overLimit)
          .put("maxChatsOfOneAgentSeen", Bench.count(counts, "maxChatsOfOneAgent"))
          .put("settled", settled).put("settleSeconds", Bench.round1(settleSeconds));
      return row;
    }
  }

  /** {@code chats} visitors ask for a chat, are all assigned, and end their chats; then the counts start afresh. */
  private static void warmUp(Bench bench, int chats, int rate) {
    if (chats == 0) {
      return;
    }
    bench.crew.all(i -> new JsonObject().put("cmd", "visitors").put("count", bench.share(chats, i)).put("concurrency", 10), 1800);
    bench.crew.all(new JsonObject().put("cmd", "requests").put("rate", (double) rate / bench.crew.size()), 3600);
    if (!bench.awaitCounts(s -> s.getLong("pendingReplies") == 0 && Bench.count(s, "assignedToAgents") >= chats, 60)) {
      throw new IllegalStateException("the warm-up's " + chats + " chats were not all assigned within 60 s");
    }
    bench.crew.all(new JsonObject().put("cmd", "endChats"), 300);
    bench.crew.all(new JsonObject().put("cmd", "report"), 60); // warm-up counts are not part of the result
  }
}
