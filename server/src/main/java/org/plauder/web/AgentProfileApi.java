package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.plauder.Services;
import org.plauder.abuse.RateLimiter;
import org.plauder.agent.Agent;
import org.plauder.attachment.AvatarPictures;
import org.plauder.attachment.FileNames;
import org.plauder.attachment.FileType;
import org.plauder.attachment.StoredFile;
import org.plauder.auth.Identity;
import org.plauder.event.DomainEvent.AgentProfileChanged;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.store.AgentProfiles;
import org.plauder.store.Files;

/**
 * An agent's own profile: its display name ({@code PUT /api/v1/profile}) and its picture
 * ({@code PUT} / {@code DELETE /api/v1/profile/avatar}, the raw bytes streamed into GridFS as chat
 * files are, sniffed by {@link AvatarPictures}); and the pictures themselves for anyone who is
 * shown them ({@code GET /api/v1/avatars/{fileId}}: only an agent's current picture, never a chat's file).
 */
final class AgentProfileApi {

  static final int MAX_DISPLAY_NAME = 60;

  private final Services services;
  private final Files files;
  private final AgentProfiles profiles;
  private final RateLimiter uploads;

  private AgentProfileApi(Services services) {
    this.services = services;
    this.files = new Files(services.database());
    this.profiles = new AgentProfiles(services.database());
    // Five pictures at once, then one a minute, per agent.
    this.uploads = new RateLimiter(5, 1.0 / 60, 10_000, services.clock());
  }

  /** The picture routes read their own bodies (before the API's JSON body handler); the profile route comes with the JSON routes. */
  static AgentProfileApi mountPictures(Router router, Services services) {
    AgentProfileApi api = new AgentProfileApi(services);
    router.route(HttpMethod.PUT, "/api/v1/profile/avatar").handler(api::uploadAvatar);
    router.route(HttpMethod.DELETE, "/api/v1/profile/avatar").handler(api::removeAvatar);
    router.get("/api/v1/avatars/:fileId").handler(api::avatar);
    return api;
  }

  /** {@code PUT /api/v1/profile {"displayName": "Anna" | null}}: null or blank goes back to the account's name. */
  void update(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    for (String field : body.fieldNames()) {
      if (!"displayName".equals(field)) {
        throw Failure.badInput("only displayName can be set here, not " + field);
      }
    }
    if (!body.containsKey("displayName")) {
      throw Failure.badInput("displayName is required (null goes back to the account's name)");
    }
    String displayName = Inputs.optionalString(body, "displayName", MAX_DISPLAY_NAME);
    profiles.setDisplayName(agent.id(), displayName)
        .compose(this::announced)
        .onComplete(updated -> Http.json(ctx, 200, Json.agent(updated)), ctx::fail);
  }

  private void uploadAvatar(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause(); // nothing is read before the agent is known
    Identity who;
    try {
      who = Http.agent(ctx, services.tokens());
      if (!uploads.tryAcquire(who.id())) {
        throw new Failure(429, "rate_limited", "too many pictures, wait a minute");
      }
      String announced = request.getHeader("Content-Length");
      if (announced != null && announced.matches("\\d{1,18}") && AvatarPictures.LIMIT.tooLarge(Long.parseLong(announced))) {
        throw AvatarPictures.LIMIT.tooLargeFailure();
      }
    } catch (RuntimeException refused) {
      FileApi.refuse(ctx, refused);
      return;
    }
    AgentGate.requireEnabled(services.caches().agents(), who).compose(agent -> store(ctx, agent))
        .compose(stored -> profiles.setAvatar(who.id(), stored.id()))
        .compose(before -> replaced(before, who.id()))
        .onComplete(updated -> Http.json(ctx, 200, Json.agent(updated)), failure -> FileApi.refuse(ctx, failure));
  }

  /** Streams the body into the store once its first bytes said it is a picture. */
  private Future<StoredFile> store(RoutingContext ctx, Agent agent) {
    UploadStream body = new UploadStream(ctx.request(), ctx.vertx().getOrCreateContext(), AvatarPictures.LIMIT);
    return body.head().compose(head -> {
      FileType type = AvatarPictures.typeOf(head);
      StoredFile draft = new StoredFile(null, agent.siteKey(), null, null, agent.id(), AvatarPictures.fileName(agent.id(), type),
          type, 0, services.clock().instant());
      return files.save(draft, body);
    }).recover(e -> Future.failedFuture(body.failure() != null ? body.failure() : e));
  }

  private void removeAvatar(RoutingContext ctx) {
    Identity who;
    try {
      who = Http.agent(ctx, services.tokens());
    } catch (RuntimeException refused) {
      FileApi.refuse(ctx, refused);
      return;
    }
    AgentGate.requireEnabled(services.caches().agents(), who)
        .compose(agent -> profiles.setAvatar(who.id(), null))
        .compose(before -> replaced(before, who.id()))
        .onComplete(updated -> Http.json(ctx, 200, Json.agent(updated)), failure -> FileApi.refuse(ctx, failure));
  }

  /** The picture before is deleted (a failure leaves only an unused file), every node hears of the change. */
  private Future<Agent> replaced(Agent before, String agentId) {
    if (before == null) {
      return Future.failedFuture(Failure.notFound("agent"));
    }
    Future<Void> oldGone = before.avatarFileId() == null ? Future.succeededFuture()
        : files.delete(before.avatarFileId()).recover(e -> Future.succeededFuture());
    return oldGone.compose(v -> services.agents().find(agentId)).compose(this::announced);
  }

  private Future<Agent> announced(Agent agent) {
    if (agent == null) {
      return Future.failedFuture(Failure.notFound("agent"));
    }
    services.caches().agents().forget(agent.id());
    services.events().publish(new AgentProfileChanged(agent.siteKey(), agent.id()));
    return Future.succeededFuture(agent);
  }

  /** An agent's current picture, for every page that shows it (the widget on the site's pages included). */
  private void avatar(RoutingContext ctx) {
    String fileId = ctx.pathParam("fileId");
    profiles.ownerOfAvatar(fileId)
        .compose(owner -> owner == null ? Future.<StoredFile>succeededFuture() : files.find(fileId))
        .onSuccess(file -> {
          if (file == null) {
            Http.error(ctx, Failure.notFound("picture"));
            return;
          }
          ctx.response().setStatusCode(200)
              .putHeader("Content-Length", String.valueOf(file.size()))
              .putHeader("Content-Type", file.type().mime())
              .putHeader("Content-Disposition", FileNames.contentDisposition(file.name(), file.type()))
              .putHeader("X-Content-Type-Options", "nosniff")
              .putHeader("Content-Security-Policy", FileApi.CSP)
              // a new picture gets a new id, so this one never changes
              .putHeader("Cache-Control", "public, max-age=604800, immutable")
              .putHeader("Cross-Origin-Resource-Policy", "cross-origin");
          files.content(file.id()).subscribe(new ResponseSink(ctx.response(), ctx.vertx().getOrCreateContext()));
        })
        .onFailure(failure -> FileApi.refuse(ctx, failure));
  }
}
