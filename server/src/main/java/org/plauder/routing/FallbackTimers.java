package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a site's queue again when a chat that waits for a matching agent (its language, its
 * topic's skill) may go to anyone: nothing else would happen at that moment. One timer per site and
 * moment; a drain that ends finds the next such moment and sets its timer.
 */
final class FallbackTimers {

  private static final Logger log = LoggerFactory.getLogger(FallbackTimers.class);

  private final Scheduler scheduler;
  private final Clock clock;
  private final Function<String, Future<Void>> drain;
  private final Map<String, Set<Instant>> pending = new ConcurrentHashMap<>();

  FallbackTimers(Scheduler scheduler, Clock clock, Function<String, Future<Void>> drain) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.drain = drain;
  }

  /** Drains the site at {@code due} (null: nothing due), unless a timer for that moment is set already. */
  void drainAt(String siteKey, Instant due) {
    if (due == null || !pending.computeIfAbsent(siteKey, k -> ConcurrentHashMap.newKeySet()).add(due)) {
      return;
    }
    long millis = Math.max(1, Duration.between(clock.instant(), due).toMillis() + 1);
    // The moment stays taken until its drain ends, so that the drain itself does not set it again.
    scheduler.later(millis, () -> drain.apply(siteKey).onComplete(done -> {
      pending.get(siteKey).remove(due);
      if (done.failed()) {
        log.warn("queue of site {} not drained after a chat's match-only time: {}", siteKey, done.cause().toString());
      }
    }));
  }
}
