package org.plauder.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Auto-away: which connected agents who chose online have done nothing themselves (no message,
 * no typing, no status change, …) for their site's auto-away time. Plain Java on the instants it
 * is given; {@link AgentPresence} asks it once a second.
 */
final class IdleAgents {

  private IdleAgents() {}

  /**
   * {@code here} maps each connected agent who chose online to its site, {@code lastActive} says
   * when each last acted, {@code autoAwayOf} gives a site's auto-away time (zero: never). An agent
   * with no known action is not idle (its dashboard's opening counts as one).
   */
  static List<String> due(Map<String, String> here, Map<String, Instant> lastActive, Function<String, Duration> autoAwayOf,
      Instant now) {
    return here.entrySet().stream()
        .filter(e -> {
          Duration autoAway = autoAwayOf.apply(e.getValue());
          Instant last = lastActive.get(e.getKey());
          return !autoAway.isZero() && last != null && !now.isBefore(last.plus(autoAway));
        })
        .map(Map.Entry::getKey).sorted().toList();
  }
}
