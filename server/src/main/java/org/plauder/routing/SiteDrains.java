package org.plauder.routing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One drain of a site's queue at a time on this node. Concurrent drains would all take the same
 * head, each claim a slot for it, and all but one give the slot back — work that grows with the
 * square of the load. A caller who asks while a drain runs is answered by the next drain, which
 * starts when the running one ends and serves everyone who asked meanwhile; so every caller still
 * waits for a drain that began after it asked. A caller who waited is answered on its own Vert.x
 * context, not on the thread of whoever ran the drain: an HTTP handler must write its response on
 * its connection's thread.
 */
final class SiteDrains<T> {

  /** Whether a site's drain runs, and the promise of the next one for those who asked meanwhile. */
  private static final class Site<T> {
    boolean running;
    Promise<T> next;
  }

  private final Map<String, Site<T>> sites = new ConcurrentHashMap<>();

  /** Runs {@code drainOnce} now, or after the running drain; completes with what the drain that served this caller answered. */
  Future<T> run(String siteKey, Function<String, Future<T>> drainOnce) {
    Site<T> site = sites.computeIfAbsent(siteKey, k -> new Site<>());
    synchronized (site) {
      if (site.running) {
        if (site.next == null) {
          site.next = Promise.promise();
        }
        return onCallersContext(site.next.future());
      }
      site.running = true;
    }
    return drainFrom(siteKey, site, drainOnce);
  }

  /** {@code answer}, completed on the Vert.x context of whoever calls this (as it is, without one). */
  static <T> Future<T> onCallersContext(Future<T> answer) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return answer;
    }
    Promise<T> own = Promise.promise();
    answer.onComplete(result -> context.runOnContext(v -> own.handle(result)));
    return own.future();
  }

  private Future<T> drainFrom(String siteKey, Site<T> site, Function<String, Future<T>> drainOnce) {
    Future<T> drained;
    try {
      drained = drainOnce.apply(siteKey);
    } catch (RuntimeException e) {
      drained = Future.failedFuture(e);
    }
    return drained.andThen(done -> {
      Promise<T> next;
      synchronized (site) {
        next = site.next;
        site.next = null;
        site.running = next != null;
      }
      if (next != null) {
        drainFrom(siteKey, site, drainOnce).onComplete(next);
      }
    });
  }
}
