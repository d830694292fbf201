package org.plauder.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which agents may get a chat and in what order, written down as data once: routing states it
 * ({@code routing.AssignmentPolicy}), plain Java reads it as a predicate and a comparator, and
 * the store turns the same value into the filter and sort of its atomic MongoDB claim.
 */
public record AgentSelection(AgentStatus status, boolean enabledOnly, int minFreeSlots, List<RankKey> ranking) {

  public AgentSelection {
    ranking = List.copyOf(ranking);
  }

  /** One step of the order, ascending; ties go to the next key. */
  public enum RankKey {
    /** Fewest active chats first. */
    LOAD,
    /** Longest since the last assignment first; an agent never assigned comes before all others. */
    LAST_ASSIGNED_AT
  }

  /** Whether this agent may get a chat now. */
  public boolean allows(Agent agent) {
    return agent.status() == status && !(enabledOnly && agent.disabled()) && agent.freeSlots() >= minFreeSlots;
  }

  /** The order among allowed agents: the first gets the chat. */
  public Comparator<Agent> order() {
    Comparator<Agent> order = (a, b) -> 0;
    for (RankKey key : ranking) {
      order = order.thenComparing(switch (key) {
        case LOAD -> Comparator.comparingInt(Agent::load);
        case LAST_ASSIGNED_AT -> Comparator.comparing(Agent::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
      });
    }
    return order;
  }
}
