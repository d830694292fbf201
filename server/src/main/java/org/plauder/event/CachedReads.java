package org.plauder.event;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A node's copy of durable records it reads on every request (a site's settings, an agent's
 * account, a conversation's owner and state), read through from the store and forgotten when a
 * domain event from any node says the record changed ({@link CacheInvalidation}). A read that
 * started before a change was announced is not kept, so a forgotten record never comes back stale.
 */
public final class CachedReads<K, V> {

  private final Cache<K, V> cache;
  private final Function<K, Future<V>> load;
  /** Counts every forget; a load that saw it change in between is answered but not kept. */
  private final AtomicLong changes = new AtomicLong();

  public CachedReads(long maxEntries, Duration idle, Function<K, Future<V>> load) {
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(idle).build();
    this.load = load;
  }

  /** The record, from memory when this node has it; null values (not found) are not kept. */
  public Future<V> get(K key) {
    V known = cache.getIfPresent(key);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    long before = changes.get();
    return load.apply(key).onSuccess(loaded -> {
      if (loaded != null && changes.get() == before) {
        cache.put(key, loaded);
      }
    });
  }

  /** This node changed the record itself in a way no event announces (e.g. a conversation's last seq). */
  public void update(K key, UnaryOperator<V> change) {
    cache.asMap().computeIfPresent(key, (k, v) -> change.apply(v));
  }

  public void forget(K key) {
    changes.incrementAndGet();
    cache.invalidate(key);
  }
}
