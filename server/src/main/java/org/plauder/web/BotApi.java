package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.help.BotSettings;
import org.plauder.protocol.Failure;
import org.plauder.store.SiteBots;

/** GET and PUT /api/v1/bot: the site's FAQ bot settings (every agent reads them, admins change them). */
final class BotApi {

  private static final Set<String> FIELDS = Set.of("mode", "minScore");

  private final Services services;
  private final SiteBots store;

  BotApi(Services services) {
    this.services = services;
    this.store = new SiteBots(services.database());
  }

  void get(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    store.find(agent.siteKey()).onComplete(bot -> Http.json(ctx, 200, toJson(bot)), ctx::fail);
  }

  /** Both fields may be sent; an absent {@code minScore} is the measured default. */
  void replace(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    if (!FIELDS.containsAll(body.fieldNames())) {
      throw Failure.badInput("send mode and minScore, nothing else");
    }
    Object minScore = body.getValue("minScore");
    if (minScore != null && !(minScore instanceof Number)) {
      throw Failure.badInput("minScore must be a number");
    }
    BotSettings bot = new BotSettings(BotSettings.Mode.fromWire(body.getValue("mode")),
        minScore == null ? BotSettings.DEFAULT_MIN_SCORE : ((Number) minScore).doubleValue());
    store.save(admin.siteKey(), bot)
        .compose(saved -> saved ? Future.succeededFuture(bot) : Future.failedFuture(Failure.notFound("site")))
        .onComplete(saved -> Http.json(ctx, 200, toJson(saved)), ctx::fail);
  }

  private static JsonObject toJson(BotSettings bot) {
    return new JsonObject().put("mode", bot.mode().wire()).put("minScore", bot.minScore());
  }
}
