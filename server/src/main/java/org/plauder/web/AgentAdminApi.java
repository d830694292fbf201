package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.store.AgentAccounts;

/** REST for admins managing the agents of their site: PATCH /api/v1/agents/{id} with maxChats and/or disabled. */
final class AgentAdminApi {

  private static final Set<String> FIELDS = Set.of("maxChats", "disabled");

  private final Services services;
  private final AgentAccounts accounts;

  AgentAdminApi(Services services) {
    this.services = services;
    this.accounts = new AgentAccounts(services.database());
  }

  void update(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    String agentId = ctx.pathParam("agentId");
    if (!Inputs.isId(agentId)) {
      throw Failure.notFound("agent");
    }
    JsonObject body = Http.body(ctx);
    if (body.isEmpty() || !FIELDS.containsAll(body.fieldNames())) {
      throw Failure.badInput("send maxChats and/or disabled, nothing else");
    }
    Integer maxChats = body.containsKey("maxChats") ? Inputs.intInRange(body, "maxChats", 0, Agent.MAX_CHATS_LIMIT) : null;
    Boolean disabled = body.containsKey("disabled") ? Inputs.bool(body, "disabled") : null;
    if (Boolean.TRUE.equals(disabled) && agentId.equals(admin.id())) {
      throw Failure.badInput("an admin cannot disable their own account");
    }
    services.agents().find(agentId)
        .compose(agent -> {
          if (agent == null || !agent.siteKey().equals(admin.siteKey())) {
            return Future.failedFuture(Failure.notFound("agent"));
          }
          Future<Agent> afterDisable = disabled == null ? Future.succeededFuture(agent)
              : accounts.setDisabled(agentId, admin.siteKey(), disabled);
          // through the router, so that a raised limit hands out waiting chats at once
          return afterDisable.compose(a -> maxChats == null ? Future.succeededFuture(a)
              : services.router().updateAgent(Identity.agent(agentId, admin.siteKey(), agent.role()), null, maxChats));
        })
        .compose(updated -> {
          if (!Boolean.TRUE.equals(disabled)) {
            return Future.succeededFuture(updated);
          }
          ctx.vertx().eventBus().publish(Addresses.INTERNAL_AGENT_DISABLED, agentId);
          return services.router().requeueChatsOf(agentId, admin.siteKey()).compose(v -> services.agents().find(agentId));
        })
        .onComplete(updated -> Http.json(ctx, 200, Json.agent(updated)), ctx::fail);
  }
}
