package org.plauder.event;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.function.Function;

/**
 * A map of ephemeral state in Vert.x shared data (cluster-wide with Hazelcast, local on one node),
 * always used on the caller's own context. The map is asked for once at start-up; composing on
 * that future would run the rest on the start-up context's event loop, so an HTTP response would
 * be written from the wrong thread and every caller's work would crowd onto one loop.
 */
public final class SharedMap<K, V> {

  private final Future<AsyncMap<K, V>> map;

  private SharedMap(Future<AsyncMap<K, V>> map) {
    this.map = map;
  }

  public static <K, V> SharedMap<K, V> of(Vertx vertx, String name) {
    return new SharedMap<>(vertx.sharedData().getAsyncMap(name));
  }

  /** Runs {@code use} on the map, on the calling thread once the map is there. */
  public <T> Future<T> use(Function<AsyncMap<K, V>, Future<T>> use) {
    return map.succeeded() ? use.apply(map.result()) : map.compose(use);
  }
}
