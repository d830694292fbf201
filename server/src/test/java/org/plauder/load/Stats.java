package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one worker counted and timed during a step, by name ("ack", "push", "lostReplies", …);
 * the coordinator merges the workers' copies: counts add up, {@code max*} counts take the
 * largest, histograms merge.
 */
final class Stats {

  private final Map<String, Latency> latencies = new TreeMap<>();
  private final Map<String, Long> counts = new TreeMap<>();
  /** The first full message of each kind of error, so that a report says why and not only how often. */
  private final Map<String, String> errorExamples = new TreeMap<>();

  void record(String name, long nanos) {
    latencies.computeIfAbsent(name, n -> new Latency()).recordNanos(nanos);
  }

  /** Records the time since {@code since} under that name; answers now, where the next phase starts. */
  long lap(String name, long since) {
    long now = System.nanoTime();
    record(name, now - since);
    return now;
  }

  void count(String name) {
    count(name, 1);
  }

  void count(String name, long n) {
    counts.merge(name, n, Long::sum);
  }

  void max(String name, long value) {
    counts.merge(name, value, Math::max);
  }

  void reset() {
    latencies.clear();
    counts.clear();
    errorExamples.clear();
  }

  long get(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /**
   * A failure, counted by what it was: the message up to its last colon, e.g.
   * "arrive: requestChat: rate_limited" for "arrive: requestChat: rate_limited: too many chats…".
   */
  void error(String message) {
    String m = String.valueOf(message);
    int colon = m.lastIndexOf(':');
    // Numbers (reply addresses, status codes in bodies) would make every failure its own kind.
    String kind = (colon < 0 ? m : m.substring(0, colon)).replaceAll("[0-9]+", "#");
    String name = "error." + (kind.length() > 60 ? kind.substring(0, 60) : kind);
    count(name);
    errorExamples.putIfAbsent(name, m.length() > 300 ? m.substring(0, 300) : m);
  }

  JsonObject encode() {
    JsonObject l = new JsonObject();
    latencies.forEach((name, latency) -> l.put(name, latency.encode()));
    JsonObject encoded = new JsonObject().put("counts", new JsonObject(new TreeMap<>(counts))).put("latencies", l);
    return errorExamples.isEmpty() ? encoded : encoded.put("errorExamples", new JsonObject(new TreeMap<>(errorExamples)));
  }

  /** The workers' encoded stats as one: summed counts and merged histograms as summaries (ms). */
  static JsonObject merge(List<JsonObject> encoded) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, Latency> latencies = new TreeMap<>();
    Map<String, Object> examples = new TreeMap<>();
    for (JsonObject e : encoded) {
      if (e.getJsonObject("errorExamples") != null) {
        e.getJsonObject("errorExamples").forEach(x -> examples.putIfAbsent(x.getKey(), x.getValue()));
      }
      e.getJsonObject("counts").forEach(c -> counts.merge(c.getKey(), ((Number) c.getValue()).longValue(),
          c.getKey().startsWith("max") ? Math::max : Long::sum));
      e.getJsonObject("latencies").forEach(h -> {
        Latency l = Latency.decode((String) h.getValue());
        latencies.merge(h.getKey(), l, (a, b) -> {
          a.add(b);
          return a;
        });
      });
    }
    JsonObject summaries = new JsonObject();
    latencies.forEach((name, l) -> summaries.put(name, l.summary()));
    JsonObject merged = new JsonObject().put("counts", new JsonObject(new TreeMap<>(counts))).put("latencies", summaries);
    return examples.isEmpty() ? merged : merged.put("errorExamples", new JsonObject(examples));
  }
}
