package org.plauder.web;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.plauder.store.Database;

/** {@code GET /health}: 200 when this node reaches its database within 3 s, else 503 — what a balancer asks. */
final class Health {

  private static final long DEADLINE_MILLIS = 3_000;

  private final Vertx vertx;
  private final Database database;

  Health(Vertx vertx, Database database) {
    this.vertx = vertx;
    this.database = database;
  }

  void answer(RoutingContext ctx) {
    // The deadline is a timer of the server's own verticle: Future.timeout on a future without a
    // context fires on a thread of Netty's, and the server writes only on its event loop (strict thread mode).
    Promise<Void> answered = Promise.promise();
    long deadline = vertx.setTimer(DEADLINE_MILLIS, t -> answered.tryFail("the database did not answer in time"));
    database.ping().onComplete(pinged -> {
      vertx.cancelTimer(deadline);
      if (pinged.succeeded()) {
        answered.tryComplete();
      } else {
        answered.tryFail(pinged.cause());
      }
    });
    answered.future().onComplete(
        ok -> Http.json(ctx, 200, new JsonObject().put("status", "ok").put("database", "up")),
        error -> Http.json(ctx, 503, new JsonObject().put("status", "unavailable").put("database", "down")));
  }
}
