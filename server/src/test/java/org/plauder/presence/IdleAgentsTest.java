package org.plauder.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;

/** Auto-away: who has done nothing for the site's auto-away time, on a clock the test moves by hand. */
class IdleAgentsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));

  @Test
  void anAgentIsIdleExactlyWhenItsSitesAutoAwayTimeHasPassedSinceItsLastAction() {
    Function<String, Duration> tenMinutes = site -> Duration.ofMinutes(10);
    Map<String, Instant> lastActive = Map.of("anna", clock.instant(), "ben", clock.instant().plusSeconds(300));
    Map<String, String> here = Map.of("anna", "demo", "ben", "demo");

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertEquals(List.of(), IdleAgents.due(here, lastActive, tenMinutes, clock.instant()));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of("anna"), IdleAgents.due(here, lastActive, tenMinutes, clock.instant()));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(List.of("anna", "ben"), IdleAgents.due(here, lastActive, tenMinutes, clock.instant()));
  }

  @Test
  void aSiteWithAutoAwayOffAndAnAgentWithoutAKnownActionAreNeverIdle() {
    Function<String, Duration> offOnQuiet = site -> site.equals("quiet") ? Duration.ZERO : Duration.ofMinutes(1);
    Map<String, Instant> lastActive = Map.of("anna", clock.instant());
    clock.advance(Duration.ofHours(8));

    assertEquals(List.of(), IdleAgents.due(Map.of("anna", "quiet", "ben", "demo"), lastActive, offOnQuiet, clock.instant()));
  }
}
