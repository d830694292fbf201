package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;

/** The timers that drain a site again when a chat waiting for a matching agent may go to anyone. */
class FallbackTimersTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(T);
  private final List<Long> delays = new ArrayList<>();
  private final List<Runnable> tasks = new ArrayList<>();
  private final List<String> drained = new ArrayList<>();
  private final FallbackTimers timers = new FallbackTimers((millis, task) -> {
    delays.add(millis);
    tasks.add(task);
  }, clock, site -> {
    drained.add(site);
    return Future.succeededFuture();
  });

  @Test
  void aSiteIsDrainedJustAfterTheMomentAndOncePerMoment() {
    timers.drainAt("demo", T.plusSeconds(60));
    timers.drainAt("demo", T.plusSeconds(60));
    timers.drainAt("demo", null);
    assertEquals(List.of(60_001L), delays);

    tasks.get(0).run();
    assertEquals(List.of("demo"), drained);

    // Once it ran, the same moment may be asked for again (a drain that still found it due).
    timers.drainAt("demo", T.plusSeconds(60));
    assertEquals(2, delays.size());
  }

  @Test
  void otherMomentsAndOtherSitesGetTheirOwnTimers() {
    timers.drainAt("demo", T.plusSeconds(60));
    timers.drainAt("demo", T.plusSeconds(90));
    timers.drainAt("shop", T.plusSeconds(60));
    assertEquals(List.of(60_001L, 90_001L, 60_001L), delays);
  }

  @Test
  void aMomentAlreadyPastDrainsAtOnce() {
    timers.drainAt("demo", T.minusSeconds(5));
    assertEquals(List.of(1L), delays);
  }
}
