package org.plauder.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The agents who chose to be online but have no dashboard open, each since when: once the site's
 * grace period has passed without a socket, the agent is due to be set away and its chats handed
 * to colleagues. Coming back within the grace period clears it. Plain Java on the instants it is
 * given; {@link AgentPresence} feeds it from the sockets and a regular look at the agents.
 */
final class AbsentAgents {

  /** An agent whose grace period is over: which, of which site. */
  record Due(String agentId, String siteKey) {}

  private record Absent(String siteKey, Instant since) {}

  private final Map<String, Absent> absent = new HashMap<>();

  /** The agent's last socket closed at {@code at} (earlier than the next look would notice). */
  void lost(String agentId, String siteKey, Instant at) {
    absent.putIfAbsent(agentId, new Absent(siteKey, at));
  }

  /** A socket of the agent opened: whatever grace period ran is over, nothing happens. */
  void back(String agentId) {
    absent.remove(agentId);
  }

  /**
   * One look at the agents: {@code online} maps each agent who chose online to its site,
   * {@code connected} are those with a socket anywhere, {@code graceOf} gives a site's grace
   * period. Returns the agents due now, each once (it leaves the watch; if it is still online
   * and without a socket at the next look, its grace period starts again).
   */
  List<Due> look(Map<String, String> online, Set<String> connected, Function<String, Duration> graceOf, Instant now) {
    absent.keySet().removeIf(agentId -> !online.containsKey(agentId) || connected.contains(agentId));
    online.forEach((agentId, siteKey) -> {
      if (!connected.contains(agentId)) {
        absent.putIfAbsent(agentId, new Absent(siteKey, now));
      }
    });
    List<Map.Entry<String, Absent>> over = new ArrayList<>();
    absent.entrySet().stream()
        .filter(e -> !now.isBefore(e.getValue().since().plus(graceOf.apply(e.getValue().siteKey()))))
        .forEach(over::add);
    over.sort(Map.Entry.comparingByValue((a, b) -> a.since().compareTo(b.since())));
    List<Due> due = new ArrayList<>();
    for (Map.Entry<String, Absent> e : over) {
      absent.remove(e.getKey());
      due.add(new Due(e.getKey(), e.getValue().siteKey()));
    }
    return due;
  }

  /** How many agents are within their grace period now. */
  int size() {
    return absent.size();
  }
}
