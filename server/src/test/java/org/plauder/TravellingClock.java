package org.plauder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time, plus whatever a test skipped ahead: for tests where time must run on (timers,
 * browsers) but a jump is needed now and then, e.g. to the next visit half an hour later.
 */
public final class TravellingClock extends Clock {

  private volatile Duration skipped = Duration.ZERO;

  public void skip(Duration by) {
    skipped = skipped.plus(by);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(skipped);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
