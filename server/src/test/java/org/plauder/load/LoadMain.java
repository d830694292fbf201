package org.plauder.load;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one command that runs the load scenarios against Plauder's packaged jar and against the
 * bare relay, one fresh server per step, and writes the results as JSON lines and as the
 * Markdown tables of docs/benchmarks.md. Usage and sizes: docs/benchmarks.md.
 */
public final class LoadMain {

  /** Every option with its full-size default; {@code --quick} replaces some with the values in {@link #QUICK}. */
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
  static final Map<String, String> QUICK = Map.ofEntries(
      Map.entry("idle-visitors", "500"), Map.entry("idle-seconds", "10"), Map.entry("message-rates", "100"),
      Map.entry("bare-message-rates", "100"), Map.entry("message-seconds", "5"), Map.entry("routing-rates", "50"),
      Map.entry("routing-requests", "60"), Map.entry("routing-agents", "10"), Map.entry("setup-rates", "20"),
      Map.entry("bare-setup-rates", "100"), Map.entry("setup-warm-up-seconds", "3"), Map.entry("export-messages", "20000"));

  static {
    DEFAULTS.put("scenarios", "idle,messages,routing,setup,export");
    DEFAULTS.put("targets", "plauder,bare");
    DEFAULTS.put("jar", "server/target/plauder-server.jar");
    DEFAULTS.put("out", "server/target/load");
    DEFAULTS.put("workers", "4");
    DEFAULTS.put("server-jvm", "");
    DEFAULTS.put("render", "");
    DEFAULTS.put("idle-visitors", "10000,18000");
    DEFAULTS.put("idle-seconds", "30");
    DEFAULTS.put("idle-offer-after-seconds", "0");
    DEFAULTS.put("message-rates", "50,100,200,500");
    DEFAULTS.put("bare-message-rates", "200,500,2000");
    DEFAULTS.put("message-seconds", "30");
    DEFAULTS.put("message-warm-up-seconds", String.valueOf(MessageScenario.WARM_UP_SECONDS));
    DEFAULTS.put("message-warm-up-rate", String.valueOf(MessageScenario.WARM_UP_RATE));
    DEFAULTS.put("routing-rates", "20,50,200");
    DEFAULTS.put("routing-requests", "600");
    DEFAULTS.put("routing-agents", "100");
    DEFAULTS.put("routing-slots", "5");
    DEFAULTS.put("routing-warm-ups", String.valueOf(RoutingScenario.WARM_UP_ROUNDS));
    DEFAULTS.put("setup-rates", "25,50,100");
    DEFAULTS.put("bare-setup-rates", "200,400,800");
    DEFAULTS.put("setup-seconds", "10");
    DEFAULTS.put("setup-warm-up-seconds", String.valueOf(SetupScenario.WARM_UP_SECONDS));
    DEFAULTS.put("export-messages", "200000");
  }

  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Path out = Path.of(options.get("out"));
    if (!options.get("render").isBlank()) {
      render(options.get("render"), out);
      return;
    }
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path work = Files.createDirectories(out.resolve("run-" + stamp));
    Path jsonl = out.resolve("results-" + stamp + ".jsonl");
    Path markdown = out.resolve("results-" + stamp + ".md");
    List<String> serverJvm = options.get("server-jvm").isBlank() ? List.of() : Arrays.asList(options.get("server-jvm").trim().split("\\s+"));
    List<Target.Kind> kinds = new ArrayList<>();
    for (String t : options.get("targets").split(",")) {
      kinds.add(switch (t.trim()) {
        case "plauder" -> ServerProcess.plauder(Path.of(options.get("jar")), work, serverJvm);
        case "bare" -> ServerProcess.bareRelay(work, serverJvm);
        default -> throw new IllegalArgumentException("unknown target " + t + " (plauder, bare)");
      });
    }
    String command = System.getProperty("load.command", "LoadMain " + String.join(" ", args));
    Instant started = Instant.now();
    List<JsonObject> rows = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    try (Crew crew = Crew.processes(Integer.parseInt(options.get("workers")), work)) {
      Bench bench = new Bench(vertx, crew, line -> System.out.println(Instant.now().toString().substring(11, 19) + " " + line));
      for (String scenario : options.get("scenarios").split(",")) {
        for (Target.Kind kind : kinds) {
          for (JsonObject row : runScenario(bench, scenario.trim(), kind, options)) {
            rows.add(row);
            System.out.println("  " + row.getString("target") + ", " + row.getString("step") + ": " + Summaries.of(row));
            Files.writeString(jsonl, row.encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.writeString(markdown, Report.markdown(rows, command, started, Instant.now()), StandardCharsets.UTF_8);
          }
        }
      }
    } finally {
      vertx.close();
    }
    System.out.println("results: " + markdown + " and " + jsonl);
    System.exit(0);
  }

  /** Writes the tables again from saved rows (comma-separated .jsonl files of earlier runs), e.g. to join two runs. */
  private static void render(String files, Path out) throws IOException {
    List<JsonObject> rows = new ArrayList<>();
    for (String file : files.split(",")) {
      for (String line : Files.readAllLines(Path.of(file.trim()), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          rows.add(new JsonObject(line));
        }
      }
    }
    Path markdown = out.resolve("rendered.md");
    Files.writeString(markdown, Report.markdown(rows, "rendered from " + files, Instant.now(), Instant.now()), StandardCharsets.UTF_8);
    System.out.println(Files.readString(markdown));
  }

  /** The steps of one scenario on one target; a step that fails becomes a row saying so, and the run goes on. */
  private static List<JsonObject> runScenario(Bench bench, String scenario, Target.Kind kind, Map<String, String> o) {
    boolean bare = kind.name().startsWith("bare");
    List<JsonObject> rows = new ArrayList<>();
    switch (scenario) {
      case "idle" -> ints(o, "idle-visitors").forEach(n -> rows.add(step(bench, kind, scenario,
          () -> IdleScenario.run(bench, kind, n, 25, i(o, "idle-seconds"), i(o, "idle-offer-after-seconds")))));
      case "messages" -> ints(o, bare ? "bare-message-rates" : "message-rates").forEach(rate -> rows.add(step(bench, kind, scenario,
          () -> MessageScenario.run(bench, kind, rate, i(o, "message-seconds"), i(o, "message-warm-up-seconds"),
              i(o, "message-warm-up-rate")))));
      case "routing" -> ints(o, "routing-rates").forEach(rate -> rows.add(step(bench, kind, scenario,
          () -> RoutingScenario.run(bench, kind, rate, i(o, "routing-requests"), i(o, "routing-agents"), i(o, "routing-slots"),
              RoutingScenario.WARM_UP_CHATS, i(o, "routing-warm-ups")))));
      case "setup" -> ints(o, bare ? "bare-setup-rates" : "setup-rates").forEach(rate -> rows.add(step(bench, kind, scenario,
          () -> SetupScenario.run(bench, kind, rate, i(o, "setup-seconds"), i(o, "setup-warm-up-seconds")))));
      case "export" -> rows.add(step(bench, kind, scenario, () -> ExportScenario.run(bench, kind, Long.parseLong(o.get("export-messages")))));
      default -> throw new IllegalArgumentException("unknown scenario " + scenario + " (idle, messages, routing, setup, export)");
    }
    return rows;
  }

  private static JsonObject step(Bench bench, Target.Kind kind, String scenario, java.util.function.Supplier<JsonObject> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      bench.say("  FAILED: %s", e);
      try {
        bench.crew.all(new JsonObject().put("cmd", "leave"), 120);
      } catch (RuntimeException ignored) {
        // the workers may be the ones that failed; the next step initialises them again
      }
      return Bench.row(scenario, "(failed)", kind).put("error", String.valueOf(e.getMessage()));
    }
  }

  /** The options: defaults, then {@code --quick}'s sizes (wherever it stands), then each {@code --name value} given. */
  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
    if (Arrays.asList(args).contains("--quick")) {
      options.putAll(QUICK);
    }
    for (int a = 0; a < args.length; a++) {
      String arg = args[a];
      if (arg.equals("--quick")) {
        continue;
      }
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      if (name == null || !DEFAULTS.containsKey(name) || a + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + arg + "; options: --quick, --"
            + String.join(" <value>, --", DEFAULTS.keySet()) + " <value>");
      }
      options.put(name, args[++a]);
    }
    return options;
  }

  private static int i(Map<String, String> o, String name) {
    return Integer.parseInt(o.get(name).trim());
  }

  private static List<Integer> ints(Map<String, String> o, String name) {
    return Arrays.stream(o.get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
  }
}
