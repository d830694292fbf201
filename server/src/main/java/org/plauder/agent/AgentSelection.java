package org.plauder.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which agents may get a chat and in what order, written down as data once: routing states it
 * ({@code routing.AssignmentPolicy}), plain Java reads it as a predicate and a comparator, and
 * the store turns the same value into the filter and sort of its atomic MongoDB claim.
 * {@code maxEmails} null: the claim takes a chat slot (load, up to maxChats); otherwise it takes an
 * e-mail slot (emailLoad, below maxEmails), as an e-mail does on a site that gives e-mails a limit of their own.
 */
public record AgentSelection(AgentStatus status, boolean enabledOnly, int minFreeSlots, List<RankKey> ranking,
    String language, String skill, Set<String> among, Integer maxEmails) {

  public AgentSelection {
    ranking = List.copyOf(ranking);
    among = among == null ? null : Set.copyOf(among);
  }

  /** The same selection, but only among these agents (those with a dashboard open). */
  public AgentSelection among(Set<String> agentIds) {
    return new AgentSelection(status, enabledOnly, minFreeSlots, ranking, language, skill, agentIds, maxEmails);
  }

  /** Whether the agent is among those this selection may choose from at all ({@code among} null: everyone). */
  public boolean admits(String agentId) {
    return among == null || among.contains(agentId);
  }

  /** Any agent of the status with room, whatever it speaks or knows, among all agents of a site. */
  public AgentSelection(AgentStatus status, boolean enabledOnly, int minFreeSlots, List<RankKey> ranking) {
    this(status, enabledOnly, minFreeSlots, ranking, null, null, null, null);
  }

  /** The same selection, claiming an e-mail slot below {@code limit} instead of a chat slot (null: a chat slot). */
  public AgentSelection emailSlots(Integer limit) {
    return new AgentSelection(status, enabledOnly, minFreeSlots, ranking, language, skill, among, limit);
  }

  /** Whether a claim by this selection takes an e-mail slot rather than a chat slot. */
  public boolean takesEmailSlot() {
    return maxEmails != null;
  }

  /** The same selection, among the agents that speak {@code language} and have {@code skill} (null: any). */
  public AgentSelection matching(String language, String skill) {
    return new AgentSelection(status, enabledOnly, minFreeSlots, ranking, language, skill, among, maxEmails);
  }

  /** Whether the agent speaks the language and has the skill this selection asks for (ignoring status and room). */
  public boolean fits(Agent agent) {
    return agent.speaks(language) && agent.hasSkill(skill);
  }

  /** One step of the order, ascending; ties go to the next key. */
  public enum RankKey {
    /** Fewest active chats first (fewest e-mails, for an e-mail slot). */
    LOAD,
    /** Longest since the last assignment first; an agent never assigned comes before all others. */
    LAST_ASSIGNED_AT
  }

  /** Whether this agent may get a chat now. */
  public boolean allows(Agent agent) {
    return agent.status() == status && !(enabledOnly && agent.disabled()) && hasRoom(agent) && fits(agent) && admits(agent.id());
  }

  private boolean hasRoom(Agent agent) {
    return takesEmailSlot() ? agent.emailLoad() < maxEmails : agent.freeSlots() >= minFreeSlots;
  }

  /** The order among allowed agents: the first gets the chat. */
  public Comparator<Agent> order() {
    Comparator<Agent> order = (a, b) -> 0;
    for (RankKey key : ranking) {
      order = order.thenComparing(switch (key) {
        case LOAD -> Comparator.comparingInt(takesEmailSlot() ? Agent::emailLoad : Agent::load);
        case LAST_ASSIGNED_AT -> Comparator.comparing(Agent::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
      });
    }
    return order;
  }
}
