package org.plauder.web;

import io.vertx.core.Future;
import java.util.Objects;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.protocol.Failure;
import org.plauder.event.CachedReads;

/**
 * A token is only as true as the account behind it: every agent action and every REST call with
 * an agent token checks the account first. A disabled agent's token stays valid until it expires,
 * and a token's site and role claims are the agent's record's at the time it was issued, so the
 * record decides. This is that one check, on the node's copy of the agent, which an
 * {@code AgentStatusChanged} from any node makes it forget.
 */
final class AgentGate {

  private AgentGate() {}

  /**
   * The agent, or a 403 {@code agent_disabled} when it was disabled (or removed) after its token
   * was issued, or a 401 {@code token_invalid} when the token's site or role is not the record's.
   */
  static Future<Agent> requireEnabled(CachedReads<String, Agent> agents, Identity claimed) {
    return agents.get(claimed.id()).compose(a -> {
      if (a == null || a.disabled()) {
        return Future.failedFuture(new Failure(403, "agent_disabled", "this account is disabled"));
      }
      if (!a.siteKey().equals(claimed.siteKey()) || !Objects.equals(a.role(), claimed.role())) {
        return Future.failedFuture(Failure.unauthorized("token_invalid", "the token does not match the account, sign in again"));
      }
      return Future.succeededFuture(a);
    });
  }
}
