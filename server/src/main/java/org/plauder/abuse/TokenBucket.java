package org.plauder.abuse;

/**
 * One token bucket: up to {@code burst} actions at once, earned back at {@code perSecond}. Plain
 * arithmetic on the caller's clock (nanoseconds), not thread-safe: its owner serialises the calls.
 */
public final class TokenBucket {

  private final double burst;
  private final double perSecond;
  private double tokens;
  private long updatedNanos;

  public TokenBucket(double burst, double perSecond, long nowNanos) {
    this.burst = burst;
    this.perSecond = perSecond;
    this.tokens = burst;
    this.updatedNanos = nowNanos;
  }

  /** Spends one token; false when none is left at {@code nowNanos}. */
  public boolean tryTake(long nowNanos) {
    double earned = Math.max(0, nowNanos - updatedNanos) / 1e9 * perSecond;
    tokens = Math.min(burst, tokens + earned);
    updatedNanos = Math.max(updatedNanos, nowNanos);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
