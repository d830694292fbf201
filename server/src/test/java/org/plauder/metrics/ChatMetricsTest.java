package org.plauder.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatMessage.Sender;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvent.Waiting;

/** Plauder's own meters from domain events, on a plain registry: no server, no clock but a movable one. */
class ChatMetricsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MovableClock clock = new MovableClock(T0);
  private final ChatMetrics metrics = new ChatMetrics(registry, clock);

  @Test
  void messagesAreCountedBySenderKind() {
    metrics.messageAppended(appended(Sender.VISITOR));
    metrics.messageAppended(appended(Sender.VISITOR));
    metrics.messageAppended(appended(Sender.AGENT));

    assertEquals(2, registry.get(ChatMetrics.MESSAGES).tag("sender", "visitor").counter().count());
    assertEquals(1, registry.get(ChatMetrics.MESSAGES).tag("sender", "agent").counter().count());
    assertEquals(0, registry.get(ChatMetrics.MESSAGES).tag("sender", "system").counter().count());
  }

  @Test
  void assignLatencyIsTheTimeFromCreationToAssignmentByReason() {
    metrics.chatAssigned(new ChatAssigned("demo", conversation(T0, T0.plusSeconds(42)), AssignReason.LOWEST_LOAD, java.util.List.of()));
    metrics.chatAssigned(new ChatAssigned("demo", conversation(T0, T0.plusSeconds(3)), AssignReason.TAKEN, java.util.List.of()));

    Timer lowestLoad = registry.get(ChatMetrics.ASSIGN_LATENCY).tag("reason", "lowest_load").timer();
    assertEquals(1, lowestLoad.count());
    assertEquals(42, lowestLoad.totalTime(TimeUnit.SECONDS), 1e-9);
    assertEquals(3, registry.get(ChatMetrics.ASSIGN_LATENCY).tag("reason", "taken").timer().totalTime(TimeUnit.SECONDS), 1e-9);
    assertEquals(0, registry.get(ChatMetrics.ASSIGN_LATENCY).tag("reason", "invitation").timer().count());
  }

  @Test
  void theOldestWaitOfASiteGrowsBetweenAnnouncementsAndIsZeroWhenTheQueueEmpties() {
    metrics.queueChanged(new QueueChanged("demo", List.of(waiting("c2", T0.plusSeconds(5), 2), waiting("c1", T0, 1)), true, List.of()));
    clock.advance(java.time.Duration.ofSeconds(30));

    assertEquals(2, gauge(ChatMetrics.QUEUE_LENGTH, "demo"));
    assertEquals(30, gauge(ChatMetrics.QUEUE_OLDEST_WAIT, "demo"), 1e-9);
    assertNull(registry.find(ChatMetrics.QUEUE_LENGTH).tag("site", "other").gauge(), "a site appears with its first announcement");

    metrics.queueChanged(new QueueChanged("demo", List.of(), true, List.of()));
    assertEquals(0, gauge(ChatMetrics.QUEUE_LENGTH, "demo"));
    assertEquals(0, gauge(ChatMetrics.QUEUE_OLDEST_WAIT, "demo"));
  }

  @Test
  void aSiteMissingFromANewCountOfAgentsOnlineHasNoneOnline() {
    metrics.agentsOnline(Map.of("demo", 3L, "other", 1L));
    metrics.agentsOnline(Map.of("demo", 2L));

    assertEquals(2, gauge(ChatMetrics.AGENTS_ONLINE, "demo"));
    assertEquals(0, gauge(ChatMetrics.AGENTS_ONLINE, "other"));
  }

  @Test
  void visitorsOnlineAreReadWhenScraped() {
    int[] held = {4};
    metrics.visitorsOnline(() -> held[0]);
    held[0] = 7;

    assertEquals(7, registry.get(ChatMetrics.VISITORS_ONLINE).gauge().value());
  }

  private double gauge(String name, String site) {
    return registry.get(name).tag("site", site).gauge().value();
  }

  private static MessageAppended appended(Sender sender) {
    return new MessageAppended("demo", "v1", "a1", new ChatMessage("c1", 1, sender, "x", "X", "Hallo", "m1", T0));
  }

  private static Conversation conversation(Instant created, Instant assigned) {
    return new Conversation("c1", "demo", "v1", "a1", "Anna", ConversationStatus.ACTIVE, 1, created, assigned, null, null, null, 0,
        null, "Eva", null, null);
  }

  private static Waiting waiting(String conversationId, Instant since, int position) {
    return new Waiting(conversationId, "v-" + conversationId, null, since, position, null, null);
  }
}
