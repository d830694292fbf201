package org.plauder.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.ParkedStore;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.ConversationStatusChanged;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.StatusReason;
import org.plauder.event.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes parked e-mail conversations ({@link ParkedChats}): a listener on {@code MessageAppended}
 * (the customer wrote into a pending or snoozed one) and the snooze timers. A snooze's end is
 * stored with the conversation; every node sets a timer for each snoozed conversation at start-up
 * and for each new snooze it hears of ({@code ConversationStatusChanged}, on every node), so a
 * snooze survives a restart and a node's death. No timer writes anything until it ends; the first
 * node whose timer ends wakes the conversation, the others find it no longer snoozed until then.
 */
public final class WakeUps extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(WakeUps.class);

  private final DomainEvents events;
  private final ParkedChats parkedChats;
  private final ParkedStore parked;
  private final ConversationStore conversations;
  private final CachedReads<String, Conversation> cache;
  private final Clock clock;
  private final Map<String, Long> timers = new HashMap<>();

  public WakeUps(DomainEvents events, ParkedChats parkedChats, ParkedStore parked, ConversationStore conversations,
      CachedReads<String, Conversation> cache, Clock clock) {
    this.events = events;
    this.parkedChats = parkedChats;
    this.parked = parked;
    this.conversations = conversations;
    this.cache = cache;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    return Future.all(
        events.on(MessageAppended.class, this::customerWrote),
        events.onEveryNode(ConversationStatusChanged.class, e -> {
          if (e.conversation().status() == ConversationStatus.SNOOZED) {
            snoozeUntil(e.conversation().id(), e.snoozedUntil());
          }
        }))
        .compose(v -> parked.snoozed())
        .onSuccess(snoozed -> snoozed.forEach(p -> snoozeUntil(p.conversation().id(), p.snoozedUntil())));
  }

  @Override
  public Future<?> stop() {
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
    return Future.succeededFuture();
  }

  /** A customer's mail in a parked conversation opens it again (chats of the widget are never parked: no read for them). */
  private void customerWrote(MessageAppended e) {
    if (e.message().sender() != ChatMessage.Sender.VISITOR) {
      return;
    }
    String id = e.message().conversationId();
    cache.get(id).compose(cached -> cached == null || !Conversation.EMAIL.equals(cached.channel())
            ? Future.<Conversation>succeededFuture() : conversations.find(id))
        .compose(c -> c == null || !c.isParked() ? Future.<Conversation>succeededFuture()
            : parkedChats.wake(c, null, StatusReason.CUSTOMER_WROTE))
        .onFailure(err -> log.warn("conversation {} not opened again after the customer wrote: {}", id, err.toString()));
  }

  private void snoozeUntil(String conversationId, Instant until) {
    if (until != null) {
      schedule(conversationId, until, Duration.between(clock.instant(), until).toMillis());
    }
  }

  private void schedule(String conversationId, Instant until, long delayMillis) {
    Long previous = timers.remove(conversationId);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
    timers.put(conversationId, vertx.setTimer(Math.max(1, delayMillis), t -> {
      timers.remove(conversationId);
      snoozeEnded(conversationId, until);
    }));
  }

  private void snoozeEnded(String conversationId, Instant until) {
    conversations.find(conversationId)
        .compose(c -> c == null || c.status() != ConversationStatus.SNOOZED ? Future.<Conversation>succeededFuture()
            : parkedChats.wake(c, until, StatusReason.SNOOZE_ENDED))
        .onFailure(err -> {
          log.warn("snooze of conversation {} not ended, trying again in a minute: {}", conversationId, err.toString());
          schedule(conversationId, until, 60_000);
        });
  }
}
