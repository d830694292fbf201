package org.plauder.abuse;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key ("visitor:…", "ip:…"): each key may spend {@code burst} actions at once
 * and earns them back at {@code perSecond}. Kept per node, in memory: it protects the node from
 * floods, it is not an account of anything. The least recently used keys are forgotten beyond
 * {@code maxKeys}, so a flood of fresh keys cannot grow it without bound.
 */
public final class RateLimiter {

  private final double burst;
  private final double perSecond;
  private final int maxKeys;
  private final Clock clock;
  private final Map<String, TokenBucket> buckets;

  public RateLimiter(int burst, double perSecond, int maxKeys, Clock clock) {
    this.burst = burst;
    this.perSecond = perSecond;
    this.maxKeys = maxKeys;
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
        return size() > RateLimiter.this.maxKeys;
      }
    };
  }

  /** Spends one token of that key; false when it has none left right now. */
  public synchronized boolean tryAcquire(String key) {
    long now = clock.millis() * 1_000_000L;
    return buckets.computeIfAbsent(key, k -> new TokenBucket(burst, perSecond, now)).tryTake(now);
  }
}
