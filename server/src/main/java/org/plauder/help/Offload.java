package org.plauder.help;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/** Where the knowledge base runs its index work, which is computation that must not hold up an event loop. */
public interface Offload {

  <T> Future<T> run(Callable<T> work);

  /** On Vert.x's worker threads, in no fixed order. */
  static Offload onWorkers(Vertx vertx) {
    return new Offload() {
      @Override
      public <T> Future<T> run(Callable<T> work) {
        return vertx.executeBlocking(work, false);
      }
    };
  }

  /** Right here, on the caller's thread: for unit tests. */
  static Offload inPlace() {
    return new Offload() {
      @Override
      public <T> Future<T> run(Callable<T> work) {
        try {
          return Future.succeededFuture(work.call());
        } catch (Exception e) {
          return Future.failedFuture(e);
        }
      }
    };
  }
}
