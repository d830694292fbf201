package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentStatus;
import org.plauder.agent.AgentStore;

/** Agents held in a map, for unit tests of routing; a claim picks by the same selection the store derives its query from. */
class InMemoryAgents implements AgentStore {

  private final Map<String, Agent> agents = new LinkedHashMap<>();

  Agent add(String id, AgentStatus status, int maxChats, int load, Instant lastAssignedAt) {
    Agent agent = new Agent(id, "demo", id + "@example.com", "Agent " + id, Agent.ROLE_AGENT, maxChats, status, load, false,
        lastAssignedAt, List.of(), List.of());
    agents.put(id, agent);
    return agent;
  }

  Agent get(String id) {
    return agents.get(id);
  }

  @Override
  public Future<Agent> find(String agentId) {
    return Future.succeededFuture(agents.get(agentId));
  }

  @Override
  public Future<List<Agent>> ofSite(String siteKey) {
    return Future.succeededFuture(agents.values().stream().filter(a -> a.siteKey().equals(siteKey))
        .sorted(Comparator.comparing(Agent::name)).toList());
  }

  @Override
  public Future<Agent> claimSlot(String siteKey, AgentSelection selection, Instant now) {
    return Future.succeededFuture(agents.values().stream()
        .filter(a -> a.siteKey().equals(siteKey) && selection.allows(a))
        .min(selection.order())
        .map(a -> claim(a, selection, now))
        .orElse(null));
  }

  @Override
  public Future<Agent> claimSlotExcept(String siteKey, String exceptAgentId, AgentSelection selection, Instant now) {
    return Future.succeededFuture(agents.values().stream()
        .filter(a -> a.siteKey().equals(siteKey) && !a.id().equals(exceptAgentId) && selection.allows(a))
        .min(selection.order())
        .map(a -> claim(a, selection, now))
        .orElse(null));
  }

  @Override
  public Future<Agent> claimSlotOf(String agentId, String siteKey, AgentSelection selection, Instant now) {
    Agent a = agents.get(agentId);
    return Future.succeededFuture(a != null && a.siteKey().equals(siteKey) && selection.allows(a) ? claim(a, selection, now) : null);
  }

  private Agent claim(Agent a, AgentSelection selection, Instant now) {
    return put(selection.takesEmailSlot() ? a.withOneMoreEmail(now) : a.withOneMoreChat(now));
  }

  @Override
  public Future<Void> releaseSlot(String agentId, boolean emailSlot) {
    Agent a = agents.get(agentId);
    if (emailSlot ? a.emailLoad() > 0 : a.load() > 0) {
      put(new Agent(a.id(), a.siteKey(), a.email(), a.name(), a.role(), a.maxChats(), a.status(), a.load() - (emailSlot ? 0 : 1),
          a.disabled(), a.lastAssignedAt(), a.languages(), a.skills(), a.displayName(), a.avatarFileId(),
          a.emailLoad() - (emailSlot ? 1 : 0)));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<Agent>> holdingSlots() {
    return Future.succeededFuture(agents.values().stream().filter(a -> a.load() > 0 || a.emailLoad() > 0).toList());
  }

  @Override
  public Future<Boolean> correctEmailLoad(String agentId, int seenEmailLoad, int activeEmails) {
    Agent a = agents.get(agentId);
    if (a == null || a.emailLoad() != seenEmailLoad) {
      return Future.succeededFuture(false);
    }
    put(new Agent(a.id(), a.siteKey(), a.email(), a.name(), a.role(), a.maxChats(), a.status(), a.load(), a.disabled(),
        a.lastAssignedAt(), a.languages(), a.skills(), a.displayName(), a.avatarFileId(), activeEmails));
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Boolean> correctLoad(String agentId, int seenLoad, int activeChats) {
    Agent a = agents.get(agentId);
    if (a == null || a.load() != seenLoad) {
      return Future.succeededFuture(false);
    }
    put(changed(a, a.maxChats(), a.status(), activeChats, a.languages(), a.skills()));
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Agent> setStatus(String agentId, AgentStatus status) {
    Agent a = agents.get(agentId);
    return Future.succeededFuture(a == null ? null : put(changed(a, a.maxChats(), status, a.load(), a.languages(), a.skills())));
  }

  @Override
  public Future<Agent> setStatusWhile(String agentId, AgentStatus expected, AgentStatus status) {
    Agent a = agents.get(agentId);
    return a == null || a.status() != expected ? Future.succeededFuture(null) : setStatus(agentId, status);
  }

  @Override
  public Future<Agent> setMaxChats(String agentId, int maxChats) {
    Agent a = agents.get(agentId);
    return Future.succeededFuture(a == null ? null : put(changed(a, maxChats, a.status(), a.load(), a.languages(), a.skills())));
  }

  /** Gives an agent languages and skills, as an admin would. */
  Agent speaks(String id, List<String> languages, List<String> skills) {
    Agent a = agents.get(id);
    return put(changed(a, a.maxChats(), a.status(), a.load(), languages, skills));
  }

  /** The agent with these fields changed and the rest (its e-mail slots too) as they were. */
  private static Agent changed(Agent a, int maxChats, AgentStatus status, int load, List<String> languages, List<String> skills) {
    return new Agent(a.id(), a.siteKey(), a.email(), a.name(), a.role(), maxChats, status, load, a.disabled(), a.lastAssignedAt(),
        languages, skills, a.displayName(), a.avatarFileId(), a.emailLoad());
  }

  private Agent put(Agent a) {
    agents.put(a.id(), a);
    return a;
  }
}
