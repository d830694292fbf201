package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The recent assignments behind a wait estimate, counted in memory per site over a sliding window. */
class AssignmentRateTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void countsEachSitesAssignmentsWithinTheWindowOnly() {
    AssignmentRate rate = new AssignmentRate();
    rate.record("demo", T);
    rate.record("demo", T.plusSeconds(60));
    rate.record("other", T.plusSeconds(60));
    assertEquals(2, rate.recent("demo", T.plusSeconds(120)));
    assertEquals(1, rate.recent("other", T.plusSeconds(120)));
    assertEquals(0, rate.recent("nobody", T));
    // Thirty minutes after the first, only the second is still recent.
    assertEquals(1, rate.recent("demo", T.plus(WaitEstimate.WINDOW).plus(Duration.ofSeconds(1))));
    assertEquals(0, rate.recent("demo", T.plus(WaitEstimate.WINDOW).plus(Duration.ofMinutes(2))));
  }
}
