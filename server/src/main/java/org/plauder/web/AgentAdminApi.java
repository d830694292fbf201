package org.plauder.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;

/** REST for admins managing the agents of their site: PATCH /api/v1/agents/{id} with maxChats and/or disabled. */
final class AgentAdminApi {

  private static final Set<String> FIELDS = Set.of("maxChats", "disabled");

  private final Services services;

  AgentAdminApi(Services services) {
    this.services = services;
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
    services.agentSettings().change(admin, agentId, maxChats, disabled)
        .onComplete(updated -> Http.json(ctx, 200, Json.agent(updated)), ctx::fail);
  }
}
