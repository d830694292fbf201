package org.plauder.abuse;

import java.time.Clock;
import org.plauder.protocol.Failure;

/**
 * The flood limits of one node: how fast one visitor or agent, and one IP address (many
 * visitors behind it), may send messages and start chats. Exceeding one is a clear 429.
 */
public final class Limits {

  private static final int MAX_KEYS = 100_000;

  private final RateLimiter messagesPerSender;
  private final RateLimiter messagesPerIp;
  private final RateLimiter chatsPerVisitor;
  private final RateLimiter chatsPerIp;
  private final RateLimiter typingPerSender;

  public Limits(Clock clock) {
    this.messagesPerSender = new RateLimiter(30, 3.0, MAX_KEYS, clock);
    this.messagesPerIp = new RateLimiter(120, 20.0, MAX_KEYS, clock);
    this.typingPerSender = new RateLimiter(20, 2.0, MAX_KEYS, clock);
    this.chatsPerVisitor = new RateLimiter(5, 1.0 / 60, MAX_KEYS, clock);
    this.chatsPerIp = new RateLimiter(30, 0.5, MAX_KEYS, clock);
  }

  /** Throws a 429 when this sender or its address sends messages faster than allowed. */
  public void message(String senderId, String ip) {
    if (!messagesPerSender.tryAcquire(senderId) || (ip != null && !messagesPerIp.tryAcquire(ip))) {
      throw new Failure(429, "rate_limited", "too many messages at once, wait a moment");
    }
  }

  /** Throws a 429 when typing indicators come faster than anyone types. */
  public void typing(String senderId) {
    if (!typingPerSender.tryAcquire(senderId)) {
      throw new Failure(429, "rate_limited", "too many typing notices");
    }
  }

  /** Throws a 429 when this visitor or its address starts chats (or leaves messages) too often. */
  public void chatStart(String visitorId, String ip) {
    if (!chatsPerVisitor.tryAcquire(visitorId) || (ip != null && !chatsPerIp.tryAcquire(ip))) {
      throw new Failure(429, "rate_limited", "too many chats started, wait a minute");
    }
  }
}
