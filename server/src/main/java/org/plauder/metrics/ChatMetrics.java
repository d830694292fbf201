package org.plauder.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.plauder.conversation.ChatMessage.Sender;
import org.plauder.conversation.Conversation;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvent.Waiting;

/**
 * Plauder's own meters, fed by what the core announces: messages stored, how long a chat waited
 * for its agent, each site's queue, agents and visitors online. Tags are bounded and name no
 * person: sender kind, assign reason, site key.
 */
public final class ChatMetrics {

  public static final String MESSAGES = "plauder.messages";
  public static final String ASSIGN_LATENCY = "plauder.assign.latency";
  public static final String QUEUE_LENGTH = "plauder.queue.length";
  public static final String QUEUE_OLDEST_WAIT = "plauder.queue.oldest.wait";
  public static final String AGENTS_ONLINE = "plauder.agents.online";
  public static final String VISITORS_ONLINE = "plauder.visitors.online";

  /** A chat waits seconds to minutes for an agent, not milliseconds. */
  static final Duration[] ASSIGN_BUCKETS =
      NodeMetrics.durations(100, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000);

  /** A site's queue as last announced: how many wait, and since when the first one does (null: nobody). */
  record QueueSnapshot(int length, Instant oldestSince) {
    static final QueueSnapshot EMPTY = new QueueSnapshot(0, null);

    double oldestWaitSeconds(Instant now) {
      return oldestSince == null ? 0 : Math.max(0, Duration.between(oldestSince, now).toMillis() / 1000.0);
    }
  }

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<Sender, Counter> messages = new EnumMap<>(Sender.class);
  private final Map<AssignReason, Timer> assignLatency = new EnumMap<>(AssignReason.class);
  private final Map<String, AtomicReference<QueueSnapshot>> queues = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> agentsOnline = new ConcurrentHashMap<>();

  public ChatMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    for (Sender sender : Sender.values()) {
      messages.put(sender, Counter.builder(MESSAGES).description("Messages stored").tag("sender", sender.wire()).register(registry));
    }
    for (AssignReason reason : AssignReason.values()) {
      assignLatency.put(reason, Timer.builder(ASSIGN_LATENCY)
          .description("Time from a chat's creation to its assignment to an agent")
          .tag("reason", reason.name().toLowerCase(Locale.ROOT))
          .serviceLevelObjectives(ASSIGN_BUCKETS)
          .register(registry));
    }
  }

  public void messageAppended(MessageAppended e) {
    messages.get(e.message().sender()).increment();
  }

  public void chatAssigned(ChatAssigned e) {
    Conversation c = e.conversation();
    if (c.createdAt() == null || c.assignedAt() == null) {
      return;
    }
    Duration waited = Duration.between(c.createdAt(), c.assignedAt());
    assignLatency.get(e.reason()).record(waited.isNegative() ? Duration.ZERO : waited);
  }

  public void queueChanged(QueueChanged e) {
    Instant oldest = e.waiting().stream().map(Waiting::waitingSince).filter(Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(null);
    queueOf(e.siteKey()).set(new QueueSnapshot(e.waiting().size(), oldest));
  }

  /** Agents online per site from a fresh count; a site seen before and missing now has none online. */
  public void agentsOnline(Map<String, Long> bySite) {
    agentsOnline.forEach((site, count) -> count.set(bySite.getOrDefault(site, 0L)));
    bySite.forEach((site, count) -> agentsOnlineOf(site).set(count));
  }

  /** Visitors whose sockets this node holds, read when scraped. */
  public void visitorsOnline(IntSupplier heldByThisNode) {
    Gauge.builder(VISITORS_ONLINE, heldByThisNode::getAsInt)
        .description("Visitors with an open tab on this node")
        .strongReference(true)
        .register(registry);
  }

  private AtomicReference<QueueSnapshot> queueOf(String siteKey) {
    return queues.computeIfAbsent(siteKey, site -> {
      AtomicReference<QueueSnapshot> snapshot = new AtomicReference<>(QueueSnapshot.EMPTY);
      Gauge.builder(QUEUE_LENGTH, snapshot, s -> s.get().length())
          .description("Chats waiting for an agent").tag("site", site).strongReference(true).register(registry);
      // Read at scrape time, so the wait keeps growing between announcements.
      Gauge.builder(QUEUE_OLDEST_WAIT, snapshot, s -> s.get().oldestWaitSeconds(clock.instant()))
          .description("How long the first chat in the queue has waited").baseUnit("seconds").tag("site", site)
          .strongReference(true).register(registry);
      return snapshot;
    });
  }

  private AtomicLong agentsOnlineOf(String siteKey) {
    return agentsOnline.computeIfAbsent(siteKey, site -> {
      AtomicLong count = new AtomicLong();
      Gauge.builder(AGENTS_ONLINE, count, AtomicLong::get)
          .description("Agents online (taking chats)").tag("site", site).strongReference(true).register(registry);
      return count;
    });
  }
}
