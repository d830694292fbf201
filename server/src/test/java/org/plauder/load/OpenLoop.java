package org.plauder.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.LongConsumer;

/**
 * Calls an action on a fixed schedule, whatever became of the earlier calls: the open loop of a
 * load test. A slow server does not slow the sender down, so its queueing shows as latency and
 * lost replies instead of as a lower rate.
 */
final class OpenLoop {

  private static final long TICK_MS = 5;

  private OpenLoop() {}

  /** Issues {@code total} calls at {@code perSecond}; completes with the time taken once the last one was issued. */
  static Future<Long> run(Vertx vertx, double perSecond, long total, LongConsumer action) {
    Promise<Long> done = Promise.promise();
    if (total <= 0 || perSecond <= 0) {
      done.complete(0L);
      return done.future();
    }
    long start = System.nanoTime();
    long[] issued = {0};
    vertx.setPeriodic(1, TICK_MS, timer -> {
      long elapsed = System.nanoTime() - start;
      long due = Math.min(total, 1 + (long) (elapsed / 1e9 * perSecond));
      while (issued[0] < due) {
        action.accept(issued[0]++);
      }
      if (issued[0] == total) {
        vertx.cancelTimer(timer);
        done.complete(System.nanoTime() - start);
      }
    });
    return done.future();
  }

  /** Runs {@code total} tasks with at most {@code concurrency} at a time (set-up steps, not measured). */
  static Future<Void> limited(long total, int concurrency, java.util.function.LongFunction<Future<?>> task) {
    Promise<Void> done = Promise.promise();
    long[] next = {0};
    long[] finished = {0};
    Runnable[] startNext = new Runnable[1];
    startNext[0] = () -> {
      if (next[0] >= total) {
        return;
      }
      task.apply(next[0]++).onComplete(r -> {
        if (++finished[0] == total) {
          done.tryComplete();
        } else {
          startNext[0].run();
        }
      });
    };
    if (total == 0) {
      done.complete();
    }
    for (int i = 0; i < Math.min(total, concurrency); i++) {
      startNext[0].run();
    }
    return done.future();
  }
}
