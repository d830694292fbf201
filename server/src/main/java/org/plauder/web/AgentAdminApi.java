package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.agent.RoutingTags;
import org.plauder.auth.Identity;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;

/** REST for admins managing the agents of their site: PATCH /api/v1/agents/{id} with maxChats, disabled, languages, skills. */
final class AgentAdminApi {

  private static final Set<String> FIELDS = Set.of("maxChats", "disabled", "languages", "skills");

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
      throw Failure.badInput("send any of " + FIELDS + ", nothing else");
    }
    List<String> languages = body.containsKey("languages") ? RoutingTags.languages(list(body, "languages")) : null;
    List<String> skills = body.containsKey("skills") ? RoutingTags.skills(list(body, "skills")) : null;
    Integer maxChats = body.containsKey("maxChats") ? Inputs.intInRange(body, "maxChats", 0, Agent.MAX_CHATS_LIMIT) : null;
    Boolean disabled = body.containsKey("disabled") ? Inputs.bool(body, "disabled") : null;
    if (Boolean.TRUE.equals(disabled) && agentId.equals(admin.id())) {
      throw Failure.badInput("an admin cannot disable their own account");
    }
    Future<Agent> tagged = languages == null && skills == null ? Future.succeededFuture()
        : services.agentSettings().setRoutingTags(admin, agentId, languages, skills);
    tagged.compose(a -> maxChats == null && disabled == null ? Future.succeededFuture(a)
            : services.agentSettings().change(admin, agentId, maxChats, disabled))
        .onComplete(updated -> Http.json(ctx, 200, Json.agent(updated)), ctx::fail);
  }

  private static List<?> list(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof JsonArray array)) {
      throw Failure.badInput(field + " must be a list");
    }
    return array.getList();
  }
}
