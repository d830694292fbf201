package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * One line per result row for the tables of docs/benchmarks.md, made from the row's figures
 * (so that saved rows can be rendered again): what a reader compares between Plauder and the
 * bare relay, losses and failures always included.
 */
final class Summaries {

  private Summaries() {}

  static String of(JsonObject row) {
    if (row.containsKey("error")) {
      return "FAILED: " + row.getString("error");
    }
    return switch (row.getString("scenario")) {
      case "idle" -> idle(row);
      case "messages" -> messages(row);
      case "routing" -> routing(row);
      case "setup" -> setup(row);
      case "export" -> export(row);
      default -> row.encode();
    };
  }

  private static String idle(JsonObject r) {
    JsonObject arrival = r.getJsonObject("arrival");
    return f("%.1f KB heap, %.1f KB RSS per visitor; server CPU **%.1f %%** idle; %,d of %,d visitors arrived in %.0f s "
            + "(server CPU %.0f %% meanwhile)%s; **%,d shown online**; %,d sockets closed by the server",
        r.getDouble("heapPerVisitorKb"), r.getDouble("rssPerVisitorKb"), r.getJsonObject("idle").getDouble("serverCpuPercent"),
        r.getLong("arrived"), r.getLong("visitors"), arrival.getDouble("windowSeconds"), arrival.getDouble("serverCpuPercent"),
        failures(r.getJsonObject("counts")), r.getLong("shownOnline"), count(r, "closedSockets"));
  }

  private static String messages(JsonObject r) {
    JsonObject l = r.getJsonObject("latencies");
    long chats = r.getJsonObject("setUp", new JsonObject()).getLong("agentChats", r.getLong("visitors"));
    return f("push %s; ack %s; %,d sent, %,d acked, **%,d replies and %,d pushes lost**%s; server CPU %.0f %%, RSS %.0f MB%s",
        latency(l.getJsonObject("push")), latency(l.getJsonObject("ack")), count(r, "sent"), count(r, "acked"),
        r.getLong("lostReplies"), r.getLong("lostPushes"), failures(r.getJsonObject("counts")),
        r.getJsonObject("cpu").getDouble("serverCpuPercent"), r.getJsonObject("memory").getDouble("rssMb"),
        chats < r.getLong("visitors") ? f("; only %,d of %,d chats were set up", chats, r.getLong("visitors")) : "");
  }

  private static String routing(JsonObject r) {
    JsonObject l = r.getJsonObject("latencies");
    return f("reply %s; assigned push %s; %,d of %,d answered, **%,d replies lost**%s; **%,d of %,d assigned pushes lost**; "
            + "agents over their limit: %d (most chats one agent was told of: %d); server CPU %.0f %%; %s",
        latency(l.getJsonObject("chatReply")), latency(l.getJsonObject("assignedPush")), count(r, "acked"), r.getLong("requests"),
        r.getLong("lostReplies"), failures(r.getJsonObject("counts")), r.getLong("lostAssignedPushes"), r.getLong("expectedAssigned"),
        r.getLong("agentsOverLimit"), r.getLong("maxChatsOfOneAgentSeen"), r.getJsonObject("cpu").getDouble("serverCpuPercent"),
        r.getBoolean("settled") ? f("all came %.1f s after the last request", r.getDouble("settleSeconds"))
            : "not all came within 35 s after the last request");
  }

  private static String setup(JsonObject r) {
    JsonObject l = r.getJsonObject("latencies");
    return f("set-up %s (mint %s, connect %s, register + page view %s); %,d started, **%,d lost**%s; server CPU %.0f %%, generator CPU %.0f %%",
        latency(l.getJsonObject("setup")), p50p99(l.getJsonObject("setupMint")), p50p99(l.getJsonObject("setupConnect")),
        p50p99(l.getJsonObject("setupPageView")), count(r, "sent"), r.getLong("lost"),
        failures(r.getJsonObject("counts")), r.getJsonObject("cpu").getDouble("serverCpuPercent"),
        r.getJsonObject("cpu").getDouble("generatorCpuPercent"))
        + (r.getDouble("generatorCpuMsPerSetUp") == null ? ""
            : f(" (until all were through: %.2f ms of server CPU and %.2f ms of generator CPU a visitor)",
                r.getDouble("serverCpuMsPerSetUp"), r.getDouble("generatorCpuMsPerSetUp")));
  }

  private static String export(JsonObject r) {
    return f("**%,.0f msg/s** (%,d lines, %.0f MB in %.1f s); heap %.0f MB before, peak %.0f MB (+%.0f MB with eden's garbage, "
            + "**+%.0f MB survived a collection**), %.0f MB after a GC; server CPU %.0f %%%s",
        (double) r.getLong("messagesPerSecond"), r.getLong("lines"), r.getLong("bytes") / 1048576.0, r.getDouble("seconds"),
        r.getJsonObject("before").getDouble("heapMb"), r.getDouble("peakHeapMb"), r.getDouble("heapGrowthMb"), r.getDouble("survivedGrowthMb"),
        r.getJsonObject("after").getDouble("heapMb"), r.getJsonObject("cpu").getDouble("serverCpuPercent"),
        r.getLong("lines").equals(r.getLong("messages")) ? "" : f("; INCOMPLETE: %,d of %,d", r.getLong("lines"), r.getLong("messages")))
        + (r.containsKey("commandWaits") ? "; another command waited " + waits(r.getJsonObject("commandWaits")) : "")
        + (r.containsKey("report") ? f("; **report of %,d conversations in %.2f s** (another command waited %s)",
            r.getJsonObject("report").getInteger("conversations"), r.getJsonObject("report").getDouble("seconds"),
            waits(r.getJsonObject("report").getJsonObject("commandWaits"))) : "");
  }

  /** "p50 2.1 ms, max 35.0 ms (120 commands)". */
  private static String waits(JsonObject w) {
    return w.getInteger("commands") == 0 ? "(none timed)"
        : f("p50 %.1f ms, max %.1f ms (%d commands)", w.getDouble("p50Ms"), w.getDouble("maxMs"), w.getInteger("commands"));
  }

  /** "; 598 failed (most: "Timed out after waiting #(ms) for a reply")" or nothing when none failed. */
  private static String failures(JsonObject counts) {
    long failed = 0;
    String most = null;
    long mostCount = 0;
    for (Map.Entry<String, Object> e : counts) {
      if (e.getKey().startsWith("error.")) {
        long n = ((Number) e.getValue()).longValue();
        failed += n;
        if (n > mostCount) {
          mostCount = n;
          most = e.getKey().substring("error.".length());
        }
      }
    }
    return failed == 0 ? "" : f(", **%,d failed** (%,d: \"%s\")", failed, mostCount, most);
  }

  /** "p50 1.2 · p90 … · p99 … · max … ms" of a latency summary, or "none" when nothing was timed. */
  static String latency(JsonObject summary) {
    if (summary == null || summary.getLong("count", 0L) == 0) {
      return "none";
    }
    return f("p50 %s · p90 %s · p99 %s · max %s ms", ms(summary.getDouble("p50")), ms(summary.getDouble("p90")),
        ms(summary.getDouble("p99")), ms(summary.getDouble("max")));
  }

  /** A phase's median and p99, shorter than {@link #latency}. */
  static String p50p99(JsonObject summary) {
    return summary == null || summary.getLong("count", 0L) == 0 ? "none"
        : f("p50 %s · p99 %s ms", ms(summary.getDouble("p50")), ms(summary.getDouble("p99")));
  }

  private static String ms(double value) {
    return value >= 99.5 ? f("%,.0f", value) : f("%.2g", value);
  }

  private static long count(JsonObject row, String name) {
    return row.getJsonObject("counts").getLong(name, 0L);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
