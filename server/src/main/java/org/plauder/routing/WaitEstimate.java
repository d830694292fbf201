package org.plauder.routing;

import java.time.Duration;

/**
 * An honest guess of how long a queued visitor waits: its position divided by the rate at which
 * the site assigned chats recently. With too few recent assignments there is no honest figure.
 */
public final class WaitEstimate {

  public static final Duration WINDOW = Duration.ofMinutes(30);
  static final int MIN_ASSIGNMENTS = 2;

  private WaitEstimate() {}

  /** Estimated seconds until assignment, or null when the recent history cannot tell. */
  public static Long seconds(int position, long assignmentsInWindow) {
    if (position < 1 || assignmentsInWindow < MIN_ASSIGNMENTS) {
      return null;
    }
    double secondsPerAssignment = (double) WINDOW.toSeconds() / assignmentsInWindow;
    return Math.round(position * secondsPerAssignment);
  }
}
