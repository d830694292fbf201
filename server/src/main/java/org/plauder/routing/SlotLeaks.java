package org.plauder.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds chat slots that no chat holds. Taking a slot and handing the chat over are two writes; a
 * node that dies between them (SIGKILL, power) leaves an agent counting a chat it does not have,
 * and the queue waits for a slot that never frees. An agent whose load exceeds its active chats
 * by the same amount in two looks in a row, with nothing changed in between, has such a slot:
 * a hand-over in flight takes milliseconds, not a whole audit period.
 */
final class SlotLeaks {

  /** What one look saw of an agent: its stored load and the chats it really has. */
  record Seen(String agentId, String siteKey, int load, int activeChats) {
    boolean leaking() {
      return load > activeChats;
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
      current.put(seen.agentId(), seen);
      if (seen.equals(previous.get(seen.agentId()))) {
        leaked.add(seen);
        current.remove(seen.agentId()); // corrected now; a new mismatch starts from a fresh look
      }
    }
    previous = current;
    return leaked;
  }
}
