package org.plauder.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes of one kind that go to the database together: while one group is being written, the
 * writes that arrive wait and form the next group, written as one command. Alone, a write goes at
 * once (no timer, no added wait); under load, a hundred writes cost one round trip. Each caller's
 * future completes, on the caller's own context, only once the command holding its write was
 * acknowledged — so "acknowledged means stored" holds for every one of them.
 */
final class GroupedWrites<T> {

  /** At most this many writes go in one command; the rest form the next group. */
  static final int MAX_GROUP = 500;

  private record Waiting<T>(T write, Promise<Void> done, Context context) {}

  private final Function<List<T>, Future<?>> writeGroup;
  private List<Waiting<T>> waiting = new ArrayList<>();
  private boolean writing;

  /** {@code writeGroup} writes a group of writes with one command and completes when it was acknowledged. */
  GroupedWrites(Function<List<T>, Future<?>> writeGroup) {
    this.writeGroup = writeGroup;
  }

  /** Queues the write; completes once the command that holds it was acknowledged (fails as that command did). */
  Future<Void> add(T write) {
    Promise<Void> done = Promise.promise();
    boolean start;
    synchronized (this) {
      waiting.add(new Waiting<>(write, done, Vertx.currentContext()));
      start = !writing;
      writing = true;
    }
    if (start) {
      writeNext();
    }
    return done.future();
  }

  private void writeNext() {
    List<Waiting<T>> group;
    synchronized (this) {
      if (waiting.isEmpty()) {
        writing = false;
        return;
      }
      if (waiting.size() <= MAX_GROUP) {
        group = waiting;
        waiting = new ArrayList<>();
      } else {
        group = new ArrayList<>(waiting.subList(0, MAX_GROUP));
        waiting = new ArrayList<>(waiting.subList(MAX_GROUP, waiting.size()));
      }
    }
    Future<?> written;
    try {
      written = writeGroup.apply(group.stream().map(Waiting::write).toList());
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    written.onComplete(result -> {
      for (Waiting<T> w : group) {
        Runnable answer = result.succeeded() ? () -> w.done().tryComplete() : () -> w.done().tryFail(result.cause());
        if (w.context() == null) {
          answer.run();
        } else {
          w.context().runOnContext(v -> answer.run());
        }
      }
      writeNext();
    });
  }
}
