package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvents;

/**
 * How many chats each site assigned within the last {@link WaitEstimate#WINDOW}, remembered in
 * memory from the {@code ChatAssigned} events of every node, so a wait estimate costs no database
 * query. A node that just started knows no history and gives no estimate until it has seen some.
 */
public final class AssignmentRate {

  private final Map<String, Deque<Instant>> bySite = new ConcurrentHashMap<>();

  /** Counts the assignments of every node from now on. */
  public Future<Void> listen(DomainEvents events) {
    return events.onEveryNode(ChatAssigned.class, e -> record(e.siteKey(), e.conversation().assignedAt()));
  }

  public void record(String siteKey, Instant at) {
    Deque<Instant> times = bySite.computeIfAbsent(siteKey, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(at);
      forgetBefore(times, at.minus(WaitEstimate.WINDOW));
    }
  }

  /** Assignments of the site within the window that ends {@code now}. */
  public long recent(String siteKey, Instant now) {
    Deque<Instant> times = bySite.get(siteKey);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      forgetBefore(times, now.minus(WaitEstimate.WINDOW));
      return times.size();
    }
  }

  private static void forgetBefore(Deque<Instant> times, Instant start) {
    while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
      times.removeFirst();
    }
  }
}
