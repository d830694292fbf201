package org.plauder.routing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentSelection.RankKey;
import org.plauder.agent.AgentStatus;

/**
 * Which agent gets a chat: only an online, enabled agent with a free slot; among those the one
 * with the lowest load, ties to the one who waited longest since its last assignment (never
 * assigned first). The rule is one {@link AgentSelection}: {@link #choose} reads it in plain
 * Java, and the store's atomic claim is derived from the same value, so both pick alike.
 */
public final class AssignmentPolicy {

  private final AgentSelection selection;

  private AssignmentPolicy(AgentSelection selection) {
    this.selection = selection;
  }

  /** The rule Plauder routes by. */
  public static AssignmentPolicy lowestLoad() {
    return new AssignmentPolicy(new AgentSelection(AgentStatus.ONLINE, true, 1, List.of(RankKey.LOAD, RankKey.LAST_ASSIGNED_AT)));
  }

  public AgentSelection selection() {
    return selection;
  }

  /** Whether this agent may get a new chat now. */
  public boolean canTakeChat(Agent agent) {
    return selection.allows(agent);
  }

  /** How many chats these agents may take between them now: the free slots of those the policy allows. */
  public int roomAmong(Collection<Agent> agents) {
    return agents.stream().filter(selection::allows).mapToInt(Agent::freeSlots).sum();
  }

  /** The agent that gets the next chat, or empty when nobody may. */
  public Optional<Agent> choose(Collection<Agent> agents) {
    return agents.stream().filter(selection::allows).min(selection.order());
  }
}
