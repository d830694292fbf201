package org.plauder.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvents;
import org.plauder.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a chat to a colleague with room when its agent has not answered within the site's reply
 * time ({@link Site#reassignAfterSeconds}, 0 = off). A listener: an assignment or a hand-over on
 * this node starts the watch, the agent's first message or the end of the chat stops it, and once
 * a second the chats that are due go to {@link ChatRouter#reassignUnanswered}, which checks the
 * stored conversation again (an answer given on another node counts too).
 */
public final class NoReplyWatch extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(NoReplyWatch.class);
  private static final long CHECK_MILLIS = 1000;

  private final DomainEvents events;
  private final ChatRouter router;
  private final CachedReads<String, Site> sites;
  private final Clock clock;
  private final UnansweredChats unanswered = new UnansweredChats();

  public NoReplyWatch(DomainEvents events, ChatRouter router, CachedReads<String, Site> sites, Clock clock) {
    this.events = events;
    this.router = router;
    this.sites = sites;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(CHECK_MILLIS, id -> moveDue());
    return Future.all(
        events.on(ChatAssigned.class, e -> watch(e.conversation())),
        events.on(ChatTransferred.class, e -> watch(e.conversation())),
        events.on(MessageAppended.class, e -> {
          if (e.message().sender() == ChatMessage.Sender.AGENT) {
            unanswered.settled(e.message().conversationId());
          }
        }),
        events.on(ChatClosed.class, e -> unanswered.settled(e.conversationId())));
  }

  private void watch(Conversation c) {
    if (c.firstAgentReplyAt() != null) {
      unanswered.settled(c.id());
      return;
    }
    sites.get(c.siteKey()).onSuccess(site -> {
      if (site != null) {
        unanswered.assigned(c.id(), c.siteKey(), c.agentId(), clock.instant(), Duration.ofSeconds(site.reassignAfterSeconds()));
      }
    });
  }

  private void moveDue() {
    for (UnansweredChats.Due due : unanswered.dueAt(clock.instant())) {
      router.reassignUnanswered(due.conversationId(), due.agentId())
          .onFailure(e -> log.warn("could not move unanswered chat {} from {}: {}", due.conversationId(), due.agentId(), e.toString()));
    }
  }
}
