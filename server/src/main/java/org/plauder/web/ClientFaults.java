package org.plauder.web;

import java.time.Clock;
import org.plauder.abuse.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of what clients do wrong — floods, broken or oversized frames, refused requests,
 * connections that break off — at most one line per socket (or client) a minute, without a stack
 * trace: a misbehaving client must not be able to fill the log or slow the node down writing it.
 * Server faults are not reported here; they keep their stack traces where they happen.
 */
final class ClientFaults {

  private static final Logger log = LoggerFactory.getLogger(ClientFaults.class);
  private static final int MAX_CLIENTS_REMEMBERED = 10_000;

  private final RateLimiter oncePerMinute;

  ClientFaults(Clock clock) {
    this.oncePerMinute = new RateLimiter(1, 1.0 / 60, MAX_CLIENTS_REMEMBERED, clock);
  }

  /** Logs that the client behind {@code key} (a socket, a SockJS session) did {@code what}, unless it was logged in the last minute. */
  void report(String key, String client, String what) {
    if (oncePerMinute.tryAcquire(key)) {
      log.warn("client {} {} (logged once a minute per connection)", client, what);
    }
  }
}
