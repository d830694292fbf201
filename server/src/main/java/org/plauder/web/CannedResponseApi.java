package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.store.CannedResponses;
import org.plauder.store.CannedResponses.CannedResponse;

/** REST for a site's canned responses: every agent reads them, admins add and remove them. */
final class CannedResponseApi {

  private static final int MAX_TITLE = 80;
  private static final Set<String> FIELDS = Set.of("title", "text");

  private final Services services;
  private final CannedResponses store;

  CannedResponseApi(Services services) {
    this.services = services;
    this.store = new CannedResponses(services.database());
  }

  void list(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    store.ofSite(agent.siteKey()).onComplete(responses -> {
      JsonArray array = new JsonArray();
      responses.forEach(r -> array.add(toJson(r)));
      Http.json(ctx, 200, new JsonObject().put("responses", array));
    }, ctx::fail);
  }

  void create(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    if (!FIELDS.containsAll(body.fieldNames())) {
      throw Failure.badInput("send title and text, nothing else");
    }
    String title = Inputs.requiredString(body, "title", MAX_TITLE);
    String text = services.messageRules().validText(body.getValue("text"));
    store.add(admin.siteKey(), title, text)
        .compose(added -> added != null ? Future.succeededFuture(added)
            : Future.failedFuture(Failure.conflict("limit_reached",
                "a site can keep at most " + CannedResponses.MAX_PER_SITE + " canned responses")))
        .onComplete(added -> Http.json(ctx, 201, toJson(added)), ctx::fail);
  }

  void delete(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    String responseId = ctx.pathParam("responseId");
    if (!Inputs.isId(responseId)) {
      throw Failure.notFound("canned response");
    }
    store.remove(admin.siteKey(), responseId).onComplete(removed -> {
      if (removed) {
        ctx.response().setStatusCode(204).end();
      } else {
        Http.error(ctx, Failure.notFound("canned response"));
      }
    }, ctx::fail);
  }

  private static JsonObject toJson(CannedResponse r) {
    return new JsonObject().put("id", r.id()).put("title", r.title()).put("text", r.text());
  }
}
