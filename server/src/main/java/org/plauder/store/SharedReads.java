package org.plauder.store;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads of the same key that are asked for at the same time share one database read, and every
 * caller still gets a read that began after it asked: while a read of a key is under way, the
 * callers who come meanwhile wait for the next one, which all of them share. A key asked for a
 * thousand times a second costs about one read per round trip, and nobody is answered from before
 * its question (so nothing a caller did just before can be missing from its answer). Results are
 * handed back on each caller's own Vert.x context, as {@link Reactive} does; they are shared, so
 * they must be immutable.
 */
final class SharedReads<K, V> {

  private final Function<K, Future<V>> read;
  /** Per key with a read under way: the callers waiting for the read after it. Guarded by {@code this}. */
  private final Map<K, List<Consumer<AsyncResult<V>>>> waitingForNext = new HashMap<>();

  SharedReads(Function<K, Future<V>> read) {
    this.read = read;
  }

  Future<V> get(K key) {
    Context context = Vertx.currentContext();
    Promise<V> promise = Promise.promise();
    Consumer<AsyncResult<V>> caller = context == null ? promise::handle : result -> context.runOnContext(v -> promise.handle(result));
    synchronized (this) {
      List<Consumer<AsyncResult<V>>> next = waitingForNext.get(key);
      if (next != null) {
        next.add(caller);
        return promise.future();
      }
      waitingForNext.put(key, new ArrayList<>());
    }
    start(key, List.of(caller));
    return promise.future();
  }

  private void start(K key, List<Consumer<AsyncResult<V>>> callers) {
    Future<V> reading;
    try {
      reading = read.apply(key);
    } catch (RuntimeException e) {
      reading = Future.failedFuture(e);
    }
    reading.onComplete(result -> {
      List<Consumer<AsyncResult<V>>> next;
      synchronized (this) {
        next = waitingForNext.remove(key);
        if (!next.isEmpty()) {
          waitingForNext.put(key, new ArrayList<>());
        }
      }
      callers.forEach(c -> c.accept(result));
      if (!next.isEmpty()) {
        start(key, next);
      }
    });
  }
}
