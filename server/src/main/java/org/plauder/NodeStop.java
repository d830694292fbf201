package org.plauder;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.plauder.web.HttpVerticle;
import org.plauder.web.Stopping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node stops (SIGTERM, or a test): it takes nothing new (requests and actions get
 * {@code 503 shutting_down}, new sockets are refused), lets every action it had begun end in its
 * reply, for at most 60 % of the bound, then closes its bridge sockets with "going away" so that
 * clients reconnect elsewhere, undeploys its verticles in reverse order and closes the database,
 * which waits for its last commit. One log line says what it did.
 */
final class NodeStop {

  private static final Logger log = LoggerFactory.getLogger(NodeStop.class);

  private final Vertx vertx;
  private final Stopping stopping;
  private final HttpVerticle http;
  private final List<String> deployments;
  private final Supplier<Future<Void>> closeDatabase;
  private final long boundMillis;

  NodeStop(Vertx vertx, Stopping stopping, HttpVerticle http, List<String> deployments, Supplier<Future<Void>> closeDatabase,
      int boundSeconds) {
    this.vertx = vertx;
    this.stopping = stopping;
    this.http = http;
    this.deployments = deployments;
    this.closeDatabase = closeDatabase;
    this.boundMillis = boundSeconds * 1000L;
  }

  Future<Void> run() {
    long started = System.nanoTime();
    Promise<Void> drained = Promise.promise();
    long timer = vertx.setTimer(Math.max(200, boundMillis * 6 / 10), t -> {
      stopping.abandonRemaining();
      drained.tryComplete();
    });
    stopping.begin().onComplete(idle -> {
      vertx.cancelTimer(timer);
      drained.tryComplete();
    });
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    return drained.future()
        .compose(v -> http.closeSocketsAndStopListening(started + boundMillis * 8 / 10 * 1_000_000))
        .recover(e -> noted(problems, "closing sockets", e, 0))
        .compose(sockets -> undeployAll().map(sockets))
        .compose(sockets -> closeDatabase.get().map(sockets).recover(e -> noted(problems, "closing the database", e, sockets)))
        .onSuccess(sockets -> log.info("{}", summary(sockets, problems, (System.nanoTime() - started) / 1_000_000)))
        .mapEmpty();
  }

  private String summary(int sockets, List<String> problems, long millis) {
    int answered = stopping.answeredWhileStopping() + stopping.refused();
    int shuttingDown = stopping.refused() + stopping.abandoned();
    String flushed = problems.isEmpty() ? "flushed the database" : "with problems: " + String.join("; ", problems);
    return String.format(java.util.Locale.ROOT, "stopped: answered %d in-flight actions and requests (%d done, %d shutting_down), closed %d sockets, %s in %.1f s",
        answered, answered - shuttingDown, shuttingDown, sockets, flushed, millis / 1000.0);
  }

  /** The node's verticles, the last deployed first (the HTTP edge before what it calls). */
  private Future<Void> undeployAll() {
    Future<Void> undeployed = Future.succeededFuture();
    List<String> reversed = new ArrayList<>(deployments);
    Collections.reverse(reversed);
    for (String id : reversed) {
      if (!id.isEmpty()) {
        undeployed = undeployed.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
      }
    }
    return undeployed;
  }

  private static <T> Future<T> noted(List<String> problems, String step, Throwable error, T fallback) {
    log.warn("stopping: {} failed: {}", step, error.toString());
    problems.add(step + " failed");
    return Future.succeededFuture(fallback);
  }
}
