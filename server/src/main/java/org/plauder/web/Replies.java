package org.plauder.web;

import io.vertx.core.eventbus.Message;
import org.plauder.protocol.Failure;
import org.plauder.store.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any error into the failure a client sees: a known {@link Failure} as it is, anything else as a server error. */
final class Replies {

  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  static Failure toFailure(Throwable error) {
    if (error instanceof Failure f) {
      return f;
    }
    if (error instanceof DatabaseUnavailable) {
      log.warn("database error: {}", error.getMessage());
      return new Failure(503, "database_unavailable", "the database cannot be reached, try again shortly");
    }
    log.error("unexpected error", error);
    return new Failure(500, "internal_error", "something went wrong on the server");
  }

  static void fail(Message<?> message, Throwable error) {
    Failure f = toFailure(error);
    message.fail(f.status(), f.code() + ": " + f.getMessage());
  }
}
