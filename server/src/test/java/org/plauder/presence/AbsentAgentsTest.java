package org.plauder.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;

/** When an agent without a dashboard is due to be set away and relieved of its chats, on a clock the test moves by hand. */
class AbsentAgentsTest {

  private static final Function<String, Duration> SIXTY = site -> Duration.ofSeconds(60);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final AbsentAgents absent = new AbsentAgents();

  private List<AbsentAgents.Due> look(Map<String, String> online, Set<String> connected) {
    return absent.look(online, connected, SIXTY, clock.instant());
  }

  @Test
  void anAgentWithoutSocketIsDueWhenTheGracePeriodHasPassedAndOnlyOnce() {
    absent.lost("anna", "demo", clock.instant());

    clock.advance(Duration.ofSeconds(59));
    assertTrue(look(Map.of("anna", "demo"), Set.of()).isEmpty());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(new AbsentAgents.Due("anna", "demo")), look(Map.of("anna", "demo"), Set.of()));
    assertTrue(look(Map.of("anna", "demo"), Set.of()).isEmpty(), "told once; a new grace period starts");
  }

  @Test
  void comingBackWithinTheGracePeriodChangesNothing() {
    absent.lost("anna", "demo", clock.instant());
    clock.advance(Duration.ofSeconds(30));
    absent.back("anna");
    clock.advance(Duration.ofSeconds(40));

    assertTrue(look(Map.of("anna", "demo"), Set.of("anna")).isEmpty());
    assertEquals(0, absent.size());
  }

  @Test
  void aSocketSeenOnAnotherNodeAlsoEndsTheGracePeriod() {
    absent.lost("anna", "demo", clock.instant());
    clock.advance(Duration.ofSeconds(61));

    assertTrue(look(Map.of("anna", "demo"), Set.of("anna")).isEmpty(), "reconnected to another node");
    clock.advance(Duration.ofSeconds(61));
    assertTrue(look(Map.of("anna", "demo"), Set.of("anna")).isEmpty());
  }

  @Test
  void anAgentSeenWithoutSocketOnlyByTheLookGetsItsGracePeriodFromThatLook() {
    // After a restart, or when the agent's node died: nobody saw the socket close, the look notices.
    assertTrue(look(Map.of("anna", "demo", "ben", "demo"), Set.of("ben")).isEmpty());
    clock.advance(Duration.ofSeconds(59));
    assertTrue(look(Map.of("anna", "demo", "ben", "demo"), Set.of("ben")).isEmpty());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(new AbsentAgents.Due("anna", "demo")), look(Map.of("anna", "demo", "ben", "demo"), Set.of("ben")));
  }

  @Test
  void anAgentWhoChoseAwayOrWasDisabledMeanwhileIsNoLongerWatched() {
    absent.lost("anna", "demo", clock.instant());
    clock.advance(Duration.ofSeconds(10));
    assertTrue(look(Map.of(), Set.of()).isEmpty());
    assertEquals(0, absent.size());

    clock.advance(Duration.ofSeconds(60));
    assertTrue(look(Map.of("anna", "demo"), Set.of()).isEmpty(), "online again without a socket: a new grace period");
  }

  @Test
  void eachSiteHasItsOwnGracePeriodAndTheLongestAbsentComeFirst() {
    Function<String, Duration> grace = site -> site.equals("fast") ? Duration.ofSeconds(5) : Duration.ofSeconds(60);
    absent.lost("carl", "fast", clock.instant().plusSeconds(2));
    absent.lost("anna", "fast", clock.instant());
    absent.lost("ben", "demo", clock.instant());
    Map<String, String> online = Map.of("anna", "fast", "ben", "demo", "carl", "fast");

    clock.advance(Duration.ofSeconds(10));
    assertEquals(List.of(new AbsentAgents.Due("anna", "fast"), new AbsentAgents.Due("carl", "fast")),
        absent.look(online, Set.of(), grace, clock.instant()));
    clock.advance(Duration.ofSeconds(50));
    assertEquals(List.of(new AbsentAgents.Due("ben", "demo")), absent.look(online, Set.of(), grace, clock.instant()));
  }

  @Test
  void theLineSaysWhoLostTheConnectionAndWhoTakesOverInTheVisitorsLanguage() {
    assertEquals("Anna lost the connection; Ben takes over.", LostConnectionLines.text("en", "Anna", "Ben"));
    assertEquals("Anna hat die Verbindung verloren; Ben übernimmt.", LostConnectionLines.text("de", "Anna", "Ben"));
    assertEquals("Anna hat die Verbindung verloren; gleich übernimmt eine Kollegin oder ein Kollege.",
        LostConnectionLines.text("de", "Anna", null));
  }
}
