package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentConnections;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentSelection.RankKey;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.RoutingStep.Candidate;
import org.plauder.event.DomainEvent.AssignReason;

/**
 * Which agent gets a chat: only an online, enabled agent with a free slot; among those the one
 * with the lowest load, ties to the one who waited longest since its last assignment (never
 * assigned first). A chat that asks for a language or a topic's skill goes at first only to agents
 * who match it, until its {@link ChatNeeds#matchOnlyUntil} (or at once to anyone, when nobody online
 * matches). The rule is one {@link AgentSelection}: {@link #choose} reads it in plain Java, and the
 * store's atomic claim is derived from the same value, so both pick alike. On a server only agents
 * with a dashboard socket open count ({@link #onlyConnected}): {@link #now} gives the rule as it
 * stands for a site at this moment.
 */
public final class AssignmentPolicy {

  /** The selection a chat is routed by now, and the rule that says why. */
  public record Choice(AgentSelection selection, AssignReason reason) {}

  /**
   * A waiting chat this round will give to an agent of {@code choice}, expected to be {@code agentId} (the first in the
   * choice's order, counting the chats planned before it), with the agents routing considered for it.
   */
  public record Planned(QueuedChat chat, Choice choice, String agentId, List<Candidate> considered) {}

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

  /** The rule for a chat that asks nothing in particular. */
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

  /**
   * How many agents a routing step writes down as considered: the chosen one and the next best.
   * All of them on a site with a hundred agents online made each step's record and event a hundred
   * entries long, the costliest write of a chat request, and the "why me?" list unreadable.
   */
  public static final int MAX_CONSIDERED = 10;

  /** The agents a step considered, best first in the selection's order, at most {@link #MAX_CONSIDERED}. */
  static List<Candidate> considered(Stream<Agent> allowed, AgentSelection selection) {
    return allowed.sorted(selection.order()).limit(MAX_CONSIDERED).map(QueueDrain::candidate).toList();
  }

  /** The agent that gets the next chat, or empty when nobody may. */
  public Optional<Agent> choose(Collection<Agent> agents) {
    return agents.stream().filter(selection::allows).min(selection.order());
  }

  /**
   * How a chat with these needs is routed at {@code now} among the site's {@code agents}: only the
   * matching ones while it is within its match-only time and someone online matches (skill); anyone
   * once that time is over or when nobody online matches (fallback); anyone when every agent online
   * matches anyway or the chat asks nothing (lowest load).
   */
  public Choice choiceFor(ChatNeeds needs, Collection<Agent> agents, Instant now) {
    AgentSelection matching = selection.matching(needs.language(), needs.skill());
    List<Agent> online = agents.stream().filter(this::isOnline).toList();
    long fitting = online.stream().filter(matching::fits).count();
    if (!needs.asksAnything() || fitting == online.size()) {
      return new Choice(selection, AssignReason.LOWEST_LOAD);
    }
    if (needs.matchOnlyAt(now) && fitting > 0) {
      return new Choice(matching, AssignReason.SKILL);
    }
    return new Choice(selection, AssignReason.FALLBACK);
  }

  /**
   * Which of the waiting chats (in queue order) one round can hand to these agents, each by its own
   * choice, counting the slots earlier chats of the round take. A chat nobody may take yet is
   * passed over, so that a chat for a busy skill does not hold up those behind it.
   */
  public List<Planned> plan(List<QueuedChat> waiting, Collection<Agent> agents, Instant now) {
    Map<String, Agent> asIfAssigned = new LinkedHashMap<>();
    agents.forEach(a -> asIfAssigned.put(a.id(), a));
    List<Planned> planned = new ArrayList<>();
    for (QueuedChat chat : waiting) {
      Choice choice = choiceFor(chat.needs(), agents, now);
      List<Agent> allowed = asIfAssigned.values().stream().filter(choice.selection()::allows).toList();
      Optional<Agent> next = allowed.stream().min(choice.selection().order());
      if (next.isPresent()) {
        planned.add(new Planned(chat, choice, next.get().id(), considered(allowed.stream(), choice.selection())));
        asIfAssigned.put(next.get().id(), next.get().withOneMoreChat(now));
      }
    }
    return planned;
  }

  /** When the earliest of these waiting chats, left unplanned while only matching agents may take it, opens to anyone; null for none. */
  public static Instant nextFallback(List<QueuedChat> waiting, List<Planned> planned, Instant now) {
    List<String> placed = planned.stream().map(p -> p.chat().conversationId()).toList();
    return waiting.stream()
        .filter(c -> c.needs().matchOnlyAt(now) && !placed.contains(c.conversationId()))
        .map(c -> c.needs().matchOnlyUntil())
        .min(Instant::compareTo).orElse(null);
  }
}
