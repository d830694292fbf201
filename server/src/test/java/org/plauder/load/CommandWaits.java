package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long another command waits while a long one runs: from a thread of its own, an admin's
 * {@code GET /api/v1/agents} (one small read of the database) every 50 ms, each timed from its send
 * to its answer, until stopped.
 */
final class CommandWaits {

  private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean stopped;

  private CommandWaits(Rest rest, String adminToken) {
    thread = new Thread(() -> {
      while (!stopped) {
        long start = System.nanoTime();
        rest.agents(adminToken);
        micros.add((System.nanoTime() - start) / 1000);
        Bench.sleep(50);
      }
    }, "command-waits");
    thread.setDaemon(true);
  }

  static CommandWaits start(Rest rest, String adminToken) {
    CommandWaits waits = new CommandWaits(rest, adminToken);
    waits.thread.start();
    return waits;
  }

  /** {"commands", "p50Ms", "maxMs"} of what was timed until now; the command under way is waited for. */
  JsonObject stop() {
    stopped = true;
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    JsonObject result = new JsonObject().put("commands", sorted.size());
    if (!sorted.isEmpty()) {
      result.put("p50Ms", Bench.round1(sorted.get((sorted.size() - 1) / 2) / 1000.0))
          .put("maxMs", Bench.round1(sorted.get(sorted.size() - 1) / 1000.0));
    }
    return result;
  }
}
