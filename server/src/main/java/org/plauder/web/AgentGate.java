package org.plauder.web;

import io.vertx.core.Future;
import org.plauder.agent.Agent;
import org.plauder.protocol.Failure;
import org.plauder.event.CachedReads;

/**
 * A disabled agent's token stays valid until it expires, so every agent action and every REST
 * call with an agent token checks the account first: this is that one check, on the node's copy
 * of the agent, which an {@code AgentStatusChanged} from any node makes it forget.
 */
final class AgentGate {

  private AgentGate() {}

  /** The agent, or a 403 {@code agent_disabled} when it was disabled (or removed) after its token was issued. */
  static Future<Agent> requireEnabled(CachedReads<String, Agent> agents, String agentId) {
    return agents.get(agentId).compose(a -> a == null || a.disabled()
        ? Future.failedFuture(new Failure(403, "agent_disabled", "this account is disabled"))
        : Future.succeededFuture(a));
  }
}
