package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.plauder.Services;
import org.plauder.attachment.FileLimits;
import org.plauder.auth.Identity;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.store.SiteFileLimits;

/** GET and PUT /api/v1/site/files: how large a file visitors and agents may send on the site (every agent reads it, admins change it). */
final class FileSettingsApi {

  private final Services services;
  private final SiteFileLimits store;

  private FileSettingsApi(Services services) {
    this.services = services;
    this.store = new SiteFileLimits(services.database());
  }

  /** The routes, after the API's JSON body handler. */
  static void mount(Router router, Services services) {
    FileSettingsApi api = new FileSettingsApi(services);
    router.get("/api/v1/site/files").handler(api::get);
    router.put("/api/v1/site/files").handler(api::replace);
  }

  private void get(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    store.find(agent.siteKey()).onComplete(limits -> Http.json(ctx, 200, toJson(limits)), ctx::fail);
  }

  private void replace(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    if (!java.util.Set.of("maxFileSizeMb").containsAll(body.fieldNames())) {
      throw Failure.badInput("send maxFileSizeMb, nothing else");
    }
    FileLimits limits = new FileLimits(Inputs.intInRange(body, "maxFileSizeMb", 1, FileLimits.MAX_MB));
    store.save(admin.siteKey(), limits)
        .compose(saved -> saved ? Future.succeededFuture(limits) : Future.failedFuture(Failure.notFound("site")))
        .onComplete(saved -> Http.json(ctx, 200, toJson(saved)), ctx::fail);
  }

  private static JsonObject toJson(FileLimits limits) {
    return new JsonObject().put("maxFileSizeMb", limits.maxFileSizeMb()).put("maxFileBytes", limits.maxBytes());
  }
}
