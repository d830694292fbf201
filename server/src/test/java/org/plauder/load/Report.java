package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns result rows into the Markdown of docs/benchmarks.md: the machine, the command, the date, and per scenario a table "Plauder | bare relay". */
final class Report {

  private static final Map<String, String> TITLES = Map.of(
      "idle", "Idle visitors", "messages", "Messages per second", "routing", "Routing",
      "setup", "Session set-up", "export", "Bulk export");

  private Report() {}

  static String markdown(List<JsonObject> rows, String command, Instant started, Instant ended) {
    StringBuilder md = new StringBuilder();
    md.append("- machine: ").append(machine()).append('\n')
        .append("- command: `").append(command).append("`\n")
        .append("- date: ").append(started).append(" (UTC), ").append(Duration.between(started, ended).toMinutes())
        .append(" min\n");
    Map<String, Map<String, Map<String, String>>> cells = new LinkedHashMap<>(); // scenario → step → target → summary
    List<String> targets = new ArrayList<>();
    for (JsonObject row : rows) {
      if (!targets.contains(row.getString("target"))) {
        targets.add(row.getString("target"));
      }
      cells.computeIfAbsent(row.getString("scenario"), s -> new LinkedHashMap<>())
          .computeIfAbsent(row.getString("step"), s -> new LinkedHashMap<>())
          .put(row.getString("target"), Summaries.of(row).replace("|", "\\|"));
    }
    cells.forEach((scenario, steps) -> {
      md.append("\n### ").append(TITLES.getOrDefault(scenario, scenario)).append("\n\n| step |");
      targets.forEach(t -> md.append(' ').append(t).append(" |"));
      md.append("\n|---|").append("---|".repeat(targets.size())).append('\n');
      steps.forEach((step, byTarget) -> {
        md.append("| ").append(step).append(" |");
        targets.forEach(t -> md.append(' ').append(byTarget.getOrDefault(t, "—")).append(" |"));
        md.append('\n');
      });
    });
    return md.toString();
  }

  /** Cores, memory and Java of this machine (the targets run on the same JVM binary). */
  static String machine() {
    long memKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // not Linux: memory stays unknown
    }
    return String.format("%d cores (nproc), %.1f GiB memory, %s %s (%s)", Runtime.getRuntime().availableProcessors(),
        memKb / 1048576.0, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.vendor"));
  }
}
