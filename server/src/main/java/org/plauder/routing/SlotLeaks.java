package org.plauder.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds slots that no conversation holds: chat slots ({@code load}) and e-mail slots of their own
 * ({@code emailLoad}). Taking a slot and handing the conversation over are two writes; a node that
 * dies between them (SIGKILL, power) leaves an agent counting a conversation it does not have, and
 * the queue waits for a slot that never frees. An agent whose count exceeds what it holds by the
 * same amount in two looks in a row, with nothing changed in between, has such a slot: a
 * hand-over in flight takes milliseconds, not a whole audit period.
 */
final class SlotLeaks {

  /** What one look saw of an agent's chat slots (or, {@code email}, its e-mail slots): its stored count and what it really holds. */
  record Seen(String agentId, String siteKey, int load, int activeChats, boolean email) {
    boolean leaking() {
      return load > activeChats;
    }

    String key() {
      return (email ? "email:" : "chat:") + agentId;
    }
  }

  private Map<String, Seen> previous = Map.of();

  /** The agents to correct now; remembers this look for the next one. */
  List<Seen> look(List<Seen> now) {
    List<Seen> leaked = new ArrayList<>();
    Map<String, Seen> current = new HashMap<>();
    for (Seen seen : now) {
      if (!seen.leaking()) {
        continue;
      }
      current.put(seen.key(), seen);
      if (seen.equals(previous.get(seen.key()))) {
        leaked.add(seen);
        current.remove(seen.key()); // corrected now; a new mismatch starts from a fresh look
      }
    }
    previous = current;
    return leaked;
  }
}
