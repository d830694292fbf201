package org.plauder.routing;

import io.vertx.core.Future;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.QueueCard;
import org.plauder.conversation.QueueCardStore;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvents;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.OnlineVisitors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener: the first message a visitor writes while its chat has no agent (queued, or held by
 * the FAQ bot) becomes the chat's {@link QueueCard}, with the page the visitor is on now, kept
 * with the chat and its queue entry; when the entry took it, the queue views are told again.
 * A message in a chat with an agent costs nothing here.
 */
public final class QueueCardKeeper {

  private static final Logger log = LoggerFactory.getLogger(QueueCardKeeper.class);

  private final QueueCardStore cards;
  private final OnlineVisitors presence;
  private final ChatRouter router;

  public QueueCardKeeper(QueueCardStore cards, OnlineVisitors presence, ChatRouter router) {
    this.cards = cards;
    this.presence = presence;
    this.router = router;
  }

  public Future<Void> listen(DomainEvents events) {
    return events.on(MessageAppended.class, this::noteFirstWords);
  }

  private void noteFirstWords(MessageAppended e) {
    ChatMessage message = e.message();
    if (e.agentId() != null || message.sender() != ChatMessage.Sender.VISITOR) {
      return;
    }
    // A new chat's card goes onto its queue entry, so it waits until the chat is assigned or has its entry.
    Future.all(presence.find(e.visitorId()), router.routed(message.conversationId())).<OnlineVisitor>map(both -> both.resultAt(0))
        .compose(online -> {
          QueueCard card = online == null ? QueueCard.of(message, null, null) : QueueCard.of(message, online.url(), online.title());
          return card.isEmpty() ? Future.succeededFuture(false) : cards.note(message.conversationId(), card);
        })
        .compose(changed -> changed ? router.announceQueue(e.siteKey()) : Future.<Void>succeededFuture())
        .onFailure(error -> log.warn("the queue card of {} was not kept: {}", message.conversationId(), error.toString()));
  }
}
