package org.plauder.routing;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentConnections;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentSelection.RankKey;
import org.plauder.agent.AgentStatus;

/**
 * Which agent gets a chat: only an online, enabled agent with a free slot; among those the one
 * with the lowest load, ties to the one who waited longest since its last assignment (never
 * assigned first). The rule is one {@link AgentSelection}: {@link #choose} reads it in plain
 * Java, and the store's atomic claim is derived from the same value, so both pick alike. On a
 * server only agents with a dashboard socket open count ({@link #onlyConnected}): {@link #now}
 * gives the rule as it stands for a site at this moment.
 */
public final class AssignmentPolicy {

  private final AgentSelection selection;
  /** Who has a dashboard open; null: every agent counts as connected (the rule alone, as its unit tests use it). */
  private final AgentConnections connections;

  private AssignmentPolicy(AgentSelection selection, AgentConnections connections) {
    this.selection = selection;
    this.connections = connections;
  }

  /** The rule Plauder routes by. */
  public static AssignmentPolicy lowestLoad() {
    return new AssignmentPolicy(new AgentSelection(AgentStatus.ONLINE, true, 1, List.of(RankKey.LOAD, RankKey.LAST_ASSIGNED_AT)), null);
  }

  /** The same rule, for agents with a dashboard socket open only: an agent whose last socket closed gets no new chat. */
  public AssignmentPolicy onlyConnected(AgentConnections connections) {
    return new AssignmentPolicy(selection, connections);
  }

  /** The rule for the site at this moment: among the agents connected now. */
  public Future<AssignmentPolicy> now(String siteKey) {
    return connections == null ? Future.succeededFuture(this)
        : connections.connectedOf(siteKey).map(ids -> new AssignmentPolicy(selection.among(ids), null));
  }

  /** Whether the agent counts as online for visitors: chose online, enabled and (see {@link #now}) connected; room aside. */
  public boolean isOnline(Agent agent) {
    return agent.status() == selection.status() && !agent.disabled() && selection.admits(agent.id());
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
