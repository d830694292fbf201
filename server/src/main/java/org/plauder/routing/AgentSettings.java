package org.plauder.routing;

import io.vertx.core.Future;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStore;
import org.plauder.auth.Identity;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;
import org.plauder.store.AgentAccounts;

/**
 * What an admin changes about an agent of its site, with what follows for routing: a raised limit
 * hands out waiting chats at once; a disabled agent is cut off on every node and its chats go
 * back to the queue, ahead of newer ones.
 */
public final class AgentSettings {

  private final AgentStore agents;
  private final AgentAccounts accounts;
  private final ChatRouter router;
  private final EventSink events;

  public AgentSettings(AgentStore agents, AgentAccounts accounts, ChatRouter router, EventSink events) {
    this.agents = agents;
    this.accounts = accounts;
    this.router = router;
    this.events = events;
  }

  /**
   * Sets the languages the agent speaks and the skills it has (either may be null: unchanged); chats
   * waiting for such an agent are handed out at once. The agent as it is after.
   */
  public Future<Agent> setRoutingTags(Identity admin, String agentId, List<String> languages, List<String> skills) {
    return accounts.setRoutingTags(agentId, admin.siteKey(), languages, skills).compose(a -> a == null
        ? Future.failedFuture(Failure.notFound("agent"))
        : router.assignQueued(a.siteKey()).compose(v -> agents.find(agentId)));
  }

  /** Changes maxChats and/or whether the agent may work (either may be null: unchanged); the agent as it is after. */
  public Future<Agent> change(Identity admin, String agentId, Integer maxChats, Boolean disabled) {
    return agents.find(agentId).compose(agent -> {
      if (agent == null || !agent.siteKey().equals(admin.siteKey())) {
        return Future.failedFuture(Failure.notFound("agent"));
      }
      Future<Agent> afterDisable = disabled == null ? Future.succeededFuture(agent)
          : accounts.setDisabled(agentId, admin.siteKey(), disabled).onSuccess(a -> events.publish(
              new AgentStatusChanged(a.siteKey(), a.id(), a.status(), a.maxChats(), a.disabled())));
      return afterDisable.compose(a -> maxChats == null ? Future.succeededFuture(a)
          : router.updateAgent(Identity.agent(agentId, admin.siteKey(), agent.role()), null, maxChats));
    }).compose(updated -> !Boolean.TRUE.equals(disabled) ? Future.succeededFuture(updated)
        : router.requeueChatsOf(agentId, admin.siteKey()).compose(v -> agents.find(agentId)));
  }
}
