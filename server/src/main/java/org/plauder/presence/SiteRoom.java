package org.plauder.presence;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Whether any agent of a site could take a chat now, as the offer planner needs it: asked of the
 * store at most once per {@link #FRESH_FOR} and site, and the answer shared by every visitor of the
 * site whose offer is due meanwhile. While nobody has room, every such visitor looks again every
 * few seconds for as long as it stays; asked once per visitor, 5,000 visitors waiting on a site
 * without free agents kept the server at two thirds of a core. Used on one event loop only.
 */
final class SiteRoom {

  static final Duration FRESH_FOR = Duration.ofSeconds(1);

  private record Asked(Future<Boolean> room, long atNanos) {}

  private final Function<String, Future<Boolean>> ask;
  private final LongSupplier nanoTime;
  private final Map<String, Asked> bySite = new HashMap<>();

  /** {@code ask}: the store's answer for one site; {@code nanoTime}: a monotonic clock such as {@link System#nanoTime}. */
  SiteRoom(Function<String, Future<Boolean>> ask, LongSupplier nanoTime) {
    this.ask = ask;
    this.nanoTime = nanoTime;
  }

  /** The site's answer: the last one while it is fresh (or still under way), else a new one. A failed answer is not kept. */
  Future<Boolean> anyRoom(String siteKey) {
    long now = nanoTime.getAsLong();
    Asked last = bySite.get(siteKey);
    if (last != null && now - last.atNanos() < FRESH_FOR.toNanos() && !last.room().failed()) {
      return last.room();
    }
    Future<Boolean> room = ask.apply(siteKey);
    bySite.put(siteKey, new Asked(room, now));
    return room;
  }
}
