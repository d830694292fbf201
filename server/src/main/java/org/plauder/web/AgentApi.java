package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.store.AlreadyExists;
import org.plauder.visitor.OnlineVisitor;

/** REST for agents: login, the site's agents (admins create them) and its conversations by status. */
final class AgentApi {

  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD = 72; // bcrypt reads no further

  private final Services services;

  AgentApi(Services services) {
    this.services = services;
  }

  void login(RoutingContext ctx) {
    JsonObject body = Http.body(ctx);
    String email = Inputs.requiredString(body, "email", 254).toLowerCase(java.util.Locale.ROOT);
    String password = body.getValue("password") instanceof String p && p.length() <= MAX_PASSWORD ? p : null;
    if (password == null) {
      throw Failure.badInput("password must be a string of at most " + MAX_PASSWORD + " characters");
    }
    services.agents().findCredentials(email)
        .compose(found -> ctx.vertx().executeBlocking(() ->
            services.passwords().matches(password, found == null ? null : found.passwordHash()) ? found.agent() : null, false))
        .onComplete(agent -> {
          if (agent == null) {
            Http.error(ctx, Failure.unauthorized("invalid_credentials", "e-mail or password is wrong"));
          } else if (agent.disabled()) {
            Http.error(ctx, new Failure(403, "agent_disabled", "this account is disabled"));
          } else {
            Identity identity = Identity.agent(agent.id(), agent.siteKey(), agent.role());
            Http.json(ctx, 200, new JsonObject()
                .put("agentId", agent.id())
                .put("token", services.tokens().issue(identity))
                .put("siteKey", agent.siteKey())
                .put("role", agent.role())
                .put("name", agent.name()));
          }
        }, ctx::fail);
  }

  void create(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    String email = Inputs.optionalEmail(body, "email");
    if (email == null) {
      throw Failure.badInput("email is required");
    }
    String name = Inputs.requiredString(body, "name", 100);
    Object rawPassword = body.getValue("password");
    if (!(rawPassword instanceof String password) || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw Failure.badInput("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    String role = body.getValue("role") == null ? Agent.ROLE_AGENT : String.valueOf(body.getValue("role"));
    if (!role.equals(Agent.ROLE_AGENT) && !role.equals(Agent.ROLE_ADMIN) && !role.equals(Agent.ROLE_SUPERVISOR)) {
      throw Failure.badInput("role must be agent, supervisor or admin");
    }
    Integer requestedMax = body.getValue("maxChats") == null ? null : Inputs.intInRange(body, "maxChats", 0, Agent.MAX_CHATS_LIMIT);
    services.caches().sites().get(admin.siteKey())
        .compose(site -> ctx.vertx().executeBlocking(() -> services.passwords().hash(password), false)
            .compose(hash -> services.agents().insert(admin.siteKey(), email.toLowerCase(java.util.Locale.ROOT), name, role,
                requestedMax != null ? requestedMax : site.defaultMaxChats(), hash)))
        .recover(e -> e instanceof AlreadyExists
            ? Future.failedFuture(Failure.conflict("email_taken", "an agent with this e-mail exists already"))
            : Future.failedFuture(e))
        .onComplete(agent -> Http.json(ctx, 201, Json.agent(agent)), ctx::fail);
  }

  void list(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    // "connected": a dashboard of the agent is open on some node (only then does it get chats).
    Future.all(services.agents().ofSite(agent.siteKey()), services.connectedAgents().connectedOf(agent.siteKey())).onComplete(both -> {
      java.util.Set<String> connected = both.resultAt(1);
      JsonArray array = new JsonArray();
      both.<java.util.List<org.plauder.agent.Agent>>resultAt(0).forEach(a -> array.add(Json.agent(a).put("connected", connected.contains(a.id()))));
      Http.json(ctx, 200, new JsonObject().put("agents", array));
    }, ctx::fail);
  }

  /** GET /api/v1/visitors/:id — the visitor panel: who, where, on what, and earlier conversations. */
  void visitor(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    String id = ctx.pathParam("id");
    if (!Inputs.isId(id)) {
      throw Failure.notFound("visitor");
    }
    services.visitors().find(id).compose(v -> {
      if (v == null || !agent.siteKey().equals(v.siteKey())) {
        return Future.failedFuture(Failure.notFound("visitor"));
      }
      return Future.all(services.conversations().ofVisitor(id), services.visitors().isVerified(id), services.presence().find(id)).compose(all -> {
        List<Conversation> own = all.resultAt(0);
        OnlineVisitor presence = all.resultAt(2);
        // a verified user's visitor: the site's backend signed who it is; presence: on the site now (the
        // dashboard's list of visitors online may not know yet of one who came a moment ago)
        return followedUp(own, agent.siteKey()).map(followed -> Json.visitor(v).put("verified", all.<Boolean>resultAt(1))
            .put("presence", presence == null ? null : Json.presence(presence))
            .put("conversations", conversations(own)).put("followedUp", conversations(followed)));
      });
    }).onComplete(body -> Http.json(ctx, 200, body), ctx::fail);
  }

  /** What the visitor's e-mail conversations follow up among other visitors' conversations (a left message, a chat), newest first. */
  private Future<List<Conversation>> followedUp(List<Conversation> own, String siteKey) {
    Set<String> ownIds = own.stream().map(Conversation::id).collect(Collectors.toSet());
    List<Future<Conversation>> reads = own.stream().map(Conversation::follows).filter(f -> f != null && !ownIds.contains(f)).distinct()
        .map(services.conversations()::find).toList();
    return Future.all(reads).map(all -> reads.stream().map(Future::result).filter(c -> c != null && siteKey.equals(c.siteKey()))
        .sorted(Comparator.comparing(Conversation::createdAt).reversed()).toList());
  }

  private static JsonArray conversations(List<Conversation> list) {
    JsonArray array = new JsonArray();
    list.forEach(c -> array.add(Json.conversation(c)));
    return array;
  }

  void conversations(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    String statusParam = ctx.request().getParam("status", ConversationStatus.ACTIVE.wire());
    ConversationStatus status = ConversationStatus.fromWire(statusParam);
    if (status == null) {
      throw Failure.badInput("status must be queued, active, closed or offline");
    }
    services.conversations().ofSite(agent.siteKey(), status, 200).onComplete(
        list -> Http.json(ctx, 200, new JsonObject().put("conversations", conversations(list))), ctx::fail);
  }
}
