package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.plauder.protocol.Failure;

/**
 * A node's stop as its edges see it. Until {@link #begin} every request and bridge action is
 * admitted with a {@link Ticket}; from then on new ones are refused with {@code 503 shutting_down},
 * the ones admitted before run to their one reply, and {@link #idle} completes when the last has
 * answered. What is still running when the node cannot wait longer is {@link #abandonRemaining
 * abandoned}: answered {@code 503 shutting_down} at once, its late result dropped. Thread-safe: the
 * HTTP and the action verticles use it from their own event loops.
 */
public final class Stopping {

  /** The documented answer of a stopping node: reconnect (to another node) and send again. */
  public static Failure shuttingDown() {
    return new Failure(503, "shutting_down", "this server is stopping; reconnect and send again");
  }

  /** One admitted request or action: whoever finishes it first sends its one reply. */
  public final class Ticket {
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Runnable onAbandon;

    private Ticket(Runnable onAbandon) {
      this.onAbandon = onAbandon;
    }

    /** True exactly once: the caller then sends the reply and calls {@link #done}; false when it was abandoned meanwhile. */
    public boolean claim() {
      return finished.compareAndSet(false, true);
    }

    /** After the reply has been sent. */
    public void done() {
      running.remove(this);
      if (stopping.get()) {
        answeredWhileStopping.incrementAndGet();
        completeIfIdle();
      }
    }

    /** {@link #claim} and {@link #done} in one, where nothing is sent in between. */
    public boolean finish() {
      if (!claim()) {
        return false;
      }
      done();
      return true;
    }
  }

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger answeredWhileStopping = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger abandoned = new AtomicInteger();
  private final Promise<Void> idle = Promise.promise();
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong actionsAnswered = new AtomicLong();
  private volatile long lastForwardedNanos = System.nanoTime();

  /**
   * Admits a request or action, or returns null once the node is stopping (the caller then
   * answers {@link #shuttingDown()}). {@code onAbandon} sends the {@code shutting_down} reply if
   * the node stops waiting for it.
   */
  public Ticket admit(Runnable onAbandon) {
    if (stopping.get()) {
      refused.incrementAndGet();
      return null;
    }
    Ticket ticket = new Ticket(onAbandon);
    running.add(ticket);
    if (stopping.get()) { // the stop began between the check and the add
      running.remove(ticket);
      refused.incrementAndGet();
      completeIfIdle();
      return null;
    }
    return ticket;
  }

  public boolean isStopping() {
    return stopping.get();
  }

  /** From now on nothing new is admitted; completes when everything admitted before has answered. */
  public Future<Void> begin() {
    stopping.set(true);
    completeIfIdle();
    return idle.future();
  }

  /** Answers everything still running with {@code shutting_down}; returns how many. */
  public int abandonRemaining() {
    int count = 0;
    for (Ticket ticket : List.copyOf(running)) {
      if (ticket.claim()) {
        abandoned.incrementAndGet();
        ticket.onAbandon.run();
        ticket.done();
        count++;
      }
    }
    return count;
  }

  /** How many were still running when the node stopped waiting, and were answered {@code shutting_down}. */
  public int abandoned() {
    return abandoned.get();
  }

  /** Replies sent since the stop began: results of what was running, and abandoned ones. */
  public int answeredWhileStopping() {
    return answeredWhileStopping.get();
  }

  /** Requests and actions refused with {@code shutting_down} because they came after the stop began. */
  public int refused() {
    return refused.get();
  }

  /** The bridge passed a client's frame on to an action (which answers it on this node). */
  public void forwarded() {
    lastForwardedNanos = System.nanoTime();
    forwarded.incrementAndGet();
  }

  /** An action sent its one reply (after sending it, so that the reply is on its way to the socket). */
  public void actionAnswered() {
    actionsAnswered.incrementAndGet();
  }

  /**
   * Whether every frame the bridge passed on has had its reply sent, and no frame came for
   * {@code quietMillis}: frames a socket has read are handed to the bridge a few at a time, so a
   * socket is closed only once what its client sent before the stop has all been taken in.
   * Checked on the bridge's event loop, a socket closed after this (in a later task of that loop)
   * has carried all those replies.
   */
  public boolean everyForwardedFrameAnswered(long quietMillis) {
    return actionsAnswered.get() >= forwarded.get() && System.nanoTime() - lastForwardedNanos >= quietMillis * 1_000_000;
  }

  private void completeIfIdle() {
    if (stopping.get() && running.isEmpty()) {
      idle.tryComplete();
    }
  }
}
