package org.plauder.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chats whose agent has not answered yet, each with the moment it is due to move to a
 * colleague: the site's reply time after it was assigned (or handed over). Plain Java on a clock
 * it is given; {@link NoReplyWatch} feeds it from the domain events and asks it what is due.
 */
final class UnansweredChats {

  /** A chat due to move: which, and from whom. */
  record Due(String conversationId, String siteKey, String agentId) {}

  private record Waiting(String siteKey, String agentId, Instant dueAt) {}

  private final Map<String, Waiting> waiting = new HashMap<>();

  /**
   * The chat is now with this agent, who has {@code replyTime} to answer; a zero reply time
   * (the site has it off) watches nothing.
   */
  void assigned(String conversationId, String siteKey, String agentId, Instant at, Duration replyTime) {
    if (replyTime.isZero() || replyTime.isNegative()) {
      waiting.remove(conversationId);
      return;
    }
    waiting.put(conversationId, new Waiting(siteKey, agentId, at.plus(replyTime)));
  }

  /** The agent answered, or the chat ended: nothing more to watch. */
  void settled(String conversationId) {
    waiting.remove(conversationId);
  }

  /** The chats due at {@code now}, oldest due first; each is told once (it leaves the watch). */
  List<Due> dueAt(Instant now) {
    List<Map.Entry<String, Waiting>> due = new ArrayList<>();
    waiting.entrySet().stream().filter(e -> !now.isBefore(e.getValue().dueAt())).forEach(due::add);
    due.sort(Map.Entry.comparingByValue((a, b) -> a.dueAt().compareTo(b.dueAt())));
    List<Due> result = new ArrayList<>();
    for (Map.Entry<String, Waiting> e : due) {
      waiting.remove(e.getKey());
      result.add(new Due(e.getKey(), e.getValue().siteKey(), e.getValue().agentId()));
    }
    return result;
  }

  int size() {
    return waiting.size();
  }
}
