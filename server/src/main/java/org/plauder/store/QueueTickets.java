package org.plauder.store;

import java.time.Clock;

/**
 * A queue's arrival order without a database round trip: a ticket is the wall-clock time in
 * thousandths of a millisecond, and never less than one above the last ticket this node gave, so
 * tickets only grow on a node and order arrivals across nodes as their clocks do (a few
 * milliseconds apart at most with NTP). Tickets from the shared counter that came before are far
 * smaller, so chats that already waited keep their place ahead.
 */
final class QueueTickets {

  private final Clock clock;
  private long last;

  QueueTickets(Clock clock) {
    this.clock = clock;
  }

  synchronized long next() {
    last = Math.max(last + 1, clock.millis() * 1000);
    return last;
  }
}
