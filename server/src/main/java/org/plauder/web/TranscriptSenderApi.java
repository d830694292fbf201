package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.site.TranscriptSender;
import org.plauder.store.SiteSenders;

/**
 * GET and PUT /api/v1/site/transcript-sender (admins): who the site's e-mailed transcripts come
 * from — its own name and address, or (none set) the server's {@code PLAUDER_SMTP_FROM}.
 */
final class TranscriptSenderApi {

  private final Services services;
  private final SiteSenders store;

  private TranscriptSenderApi(Services services) {
    this.services = services;
    this.store = new SiteSenders(services.database());
  }

  /** The routes, after the API's JSON body handler. */
  static void mount(Router router, Services services) {
    TranscriptSenderApi api = new TranscriptSenderApi(services);
    router.get("/api/v1/site/transcript-sender").handler(api::get);
    router.put("/api/v1/site/transcript-sender").handler(api::replace);
  }

  private void get(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    store.find(admin.siteKey()).onComplete(sender -> Http.json(ctx, 200, toJson(sender)), ctx::fail);
  }

  /** {"name"?, "address"}: the site's own sender; {"address": null}: the server's again. */
  private void replace(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    if (!java.util.Set.of("name", "address").containsAll(body.fieldNames()) || !body.containsKey("address")) {
      throw Failure.badInput("send address (null: the server's sender) and, optionally, name; nothing else");
    }
    String address = Inputs.optionalEmail(body, "address");
    String name = Inputs.optionalString(body, "name", TranscriptSender.MAX_NAME);
    if (address == null && name != null) {
      throw Failure.badInput("a name needs an address");
    }
    TranscriptSender sender = address == null ? null : new TranscriptSender(name, address);
    store.save(admin.siteKey(), sender)
        .compose(saved -> saved ? Future.succeededFuture(sender) : Future.failedFuture(Failure.notFound("site")))
        .onComplete(saved -> Http.json(ctx, 200, toJson(saved)), ctx::fail);
  }

  /** The site's sender (name and address null when none) and what transcripts are sent from now. */
  private JsonObject toJson(TranscriptSender sender) {
    String serverDefault = services.config().smtp() == null ? null : services.config().smtp().from();
    return new JsonObject()
        .put("name", sender == null ? null : sender.name())
        .put("address", sender == null ? null : sender.address())
        .put("serverDefault", serverDefault)
        .put("from", TranscriptSender.fromOf(sender, serverDefault));
  }
}
