package org.plauder.load;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** What every scenario step uses: the coordinator's Vert.x, the workers, progress output, and how the server is measured. */
final class Bench {

  final Vertx vertx;
  final Crew crew;
  private final Consumer<String> progress;

  Bench(Vertx vertx, Crew crew, Consumer<String> progress) {
    this.vertx = vertx;
    this.crew = crew;
    this.progress = progress;
  }

  void say(String format, Object... args) {
    progress.accept(String.format(Locale.ROOT, format, args));
  }

  /** Points every worker at a fresh target. */
  void init(Target target) {
    crew.all(i -> new JsonObject().put("cmd", "init").put("port", target.port()).put("origin", target.origin())
        .put("site", "demo").put("index", i), 60);
  }

  /** The workers' merged counts and latencies of this step; then they close their sockets. */
  JsonObject finish() {
    JsonObject merged = Stats.merge(crew.all(new JsonObject().put("cmd", "report"), 60));
    crew.all(new JsonObject().put("cmd", "leave"), 120);
    return merged;
  }

  /** {@code total} split as evenly as possible over the workers: the share of worker {@code index}. */
  int share(long total, int index) {
    int n = crew.size();
    return (int) (total / n + (index < total % n ? 1 : 0));
  }

  /** Polls the workers' counts every half second until {@code done} holds or the time is up; true when it held. */
  boolean awaitCounts(Predicate<JsonObject> done, double maxSeconds) {
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    while (true) {
      JsonObject status = status();
      if (done.test(status)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(500);
    }
  }

  /** The workers' counts so far, summed, with the replies still pending and the chats their agents hold. */
  JsonObject status() {
    List<JsonObject> all = crew.all(new JsonObject().put("cmd", "status"), 60);
    List<JsonObject> encoded = new ArrayList<>();
    long pending = 0;
    long agentChats = 0;
    for (JsonObject s : all) {
      encoded.add(new JsonObject().put("counts", s.getJsonObject("counts")).put("latencies", new JsonObject()));
      pending += s.getLong("pendingReplies");
      agentChats += s.getLong("agentChats");
    }
    return Stats.merge(encoded).getJsonObject("counts").put("pendingReplies", pending).put("agentChats", agentChats);
  }

  /** CPU use of the server and of the generator's processes over a stretch of time. */
  final class Window {
    private final long serverPid;
    private final long start = System.nanoTime();
    private final double serverStart;
    private final double generatorStart;
    private final java.util.Map<String, Double> threadsStart;

    private Window(long serverPid) {
      this.serverPid = serverPid;
      this.threadsStart = Probe.cpuSecondsByThread(serverPid);
      this.serverStart = Probe.cpuSeconds(serverPid);
      this.generatorStart = Probe.cpuSeconds(generatorPids(serverPid));
    }

    double seconds() {
      return (System.nanoTime() - start) / 1e9;
    }

    /** Percent of one core, as top shows it (200 % = both cores of this machine). */
    JsonObject cpu() {
      double wall = seconds();
      return new JsonObject()
          .put("serverCpuPercent", round1(100 * (Probe.cpuSeconds(serverPid) - serverStart) / wall))
          .put("generatorCpuPercent", round1(100 * (Probe.cpuSeconds(generatorPids(serverPid)) - generatorStart) / wall))
          .put("windowSeconds", round1(wall))
          .put("busiestServerThreads", busiestThreads(wall));
    }

    /** The five server threads that used the most CPU in the window, in percent of one core: where the time goes. */
    private JsonObject busiestThreads(double wall) {
      JsonObject top = new JsonObject();
      Probe.cpuSecondsByThread(serverPid).entrySet().stream()
          .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threadsStart.getOrDefault(e.getKey(), 0.0)))
          .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
          .forEach(e -> top.put(e.getKey(), round1(100 * e.getValue() / wall)));
      return top;
    }
  }

  Window window(Target target) {
    return new Window(target.pid());
  }

  /** The workers' processes; in-process workers share the server's JVM and are not counted apart. */
  private List<Long> generatorPids(long serverPid) {
    return crew.pids().stream().filter(pid -> pid != serverPid).toList();
  }

  /** The server's resident set and heap in MB; {@code collect} runs a full GC first to see only what is live. */
  static JsonObject memory(Target target, boolean collect) {
    return new JsonObject().put("heapMb", round1(Probe.heapUsedKb(target.pid(), collect) / 1024.0))
        .put("rssMb", round1(Probe.rssKb(target.pid()) / 1024.0));
  }

  static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static long count(JsonObject counts, String name) {
    return counts.getLong(name, 0L);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A result row: which scenario, step and target, and what was measured. */
  static JsonObject row(String scenario, String step, Target.Kind kind) {
    return new JsonObject().put("scenario", scenario).put("step", step).put("target", kind.name());
  }
}
