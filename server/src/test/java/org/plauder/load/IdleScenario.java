package org.plauder.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Scenario 1, idle visitors: N visitors arrive (mint, connect, register, one page view) and then
 * only keep their sockets alive. Measures what each costs the server against the server at rest,
 * the server's CPU while nobody does anything, and how many an agent's live list shows online.
 * With {@code offerAfterSeconds} above 0 the site has a proactive offer rule ("help after that
 * long on a page"), which falls due for every visitor while no agent is online to give the help.
 */
final class IdleScenario {

  private IdleScenario() {}

  static JsonObject run(Bench bench, Target.Kind kind, int visitors, int settleSeconds, int idleSeconds, int offerAfterSeconds) {
    bench.say("idle: %,d visitors on %s%s", visitors, kind.name(),
        offerAfterSeconds > 0 ? ", an offer due after " + offerAfterSeconds + " s" : "");
    try (Target target = kind.start()) {
      bench.init(target);
      boolean offers = offerAfterSeconds > 0 && !kind.name().startsWith("bare");
      if (offers) {
        new Rest(target).offerAfter(offerAfterSeconds);
      }
      Bench.sleep(Math.min(3, settleSeconds) * 1000L);
      JsonObject atRest = Bench.memory(target, true);

      Bench.Window arrival = bench.window(target);
      bench.crew.all(i -> new JsonObject().put("cmd", "visitors").put("count", bench.share(visitors, i)).put("concurrency", 25), 3600);
      JsonObject arrivalCpu = arrival.cpu();
      long ready = Bench.count(bench.status(), "arrived");
      bench.say("  %,d arrived in %.0f s; settling", ready, arrivalCpu.getDouble("windowSeconds"));
      // Full runs wait longer than the presence heartbeat (20 s), so that a periodic job shows in the idle window.
      Bench.sleep(settleSeconds * 1000L);

      Bench.Window idle = bench.window(target);
      Bench.sleep(idleSeconds * 1000L);
      JsonObject idleCpu = idle.cpu();
      JsonObject loaded = Bench.memory(target, true);

      // Only now an agent comes: going online earlier would make the visitors' page views offer-worthy.
      List<JsonObject> agent = new Rest(target).createAgents(1, 5);
      bench.crew.all(i -> new JsonObject().put("cmd", "agents").put("agents", i == 0 ? new JsonArray(agent) : new JsonArray()), 60);
      long shownOnline = bench.crew.one(0, new JsonObject().put("cmd", "onlineVisitors"), 120).getLong("online");
      JsonObject stats = bench.finish();

      double heapPerVisitorKb = ready == 0 ? 0 : (loaded.getDouble("heapMb") - atRest.getDouble("heapMb")) * 1024 / ready;
      double rssPerVisitorKb = ready == 0 ? 0 : (loaded.getDouble("rssMb") - atRest.getDouble("rssMb")) * 1024 / ready;
      JsonObject row = Bench.row("idle", String.format("%,d idle visitors%s", visitors, offers ? ", offer rule" : ""), kind)
          .put("visitors", visitors).put("offerAfterSeconds", offers ? offerAfterSeconds : 0).put("arrived", ready).put("shownOnline", shownOnline)
          .put("atRest", atRest).put("loaded", loaded)
          .put("heapPerVisitorKb", Bench.round1(heapPerVisitorKb)).put("rssPerVisitorKb", Bench.round1(rssPerVisitorKb))
          .put("arrival", arrivalCpu).put("idle", idleCpu).put("counts", stats.getJsonObject("counts"));
      return row;
    }
  }
}
