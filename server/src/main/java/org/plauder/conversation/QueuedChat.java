package org.plauder.conversation;

import java.time.Instant;

/**
 * A chat in its site's queue, as the queue's own entry has it: enough for positions and the
 * agents' queue view, with its {@link QueueCard} (first words and page; empty until the visitor wrote)
 * and its {@code channel} (a {@link Conversation} channel: which slot routing claims for it).
 */
public record QueuedChat(String conversationId, String visitorId, String visitorName, Instant waitingSince, ChatNeeds needs,
    QueueCard card, String channel) {

  public QueuedChat {
    needs = ChatNeeds.orNone(needs);
    card = QueueCard.orNone(card);
    channel = channel == null ? Conversation.CHAT : channel;
  }

  /** A chat of the widget in the queue. */
  public QueuedChat(String conversationId, String visitorId, String visitorName, Instant waitingSince, ChatNeeds needs,
      QueueCard card) {
    this(conversationId, visitorId, visitorName, waitingSince, needs, card, Conversation.CHAT);
  }

  /** An entry without a card. */
  public QueuedChat(String conversationId, String visitorId, String visitorName, Instant waitingSince, ChatNeeds needs) {
    this(conversationId, visitorId, visitorName, waitingSince, needs, QueueCard.NONE);
  }
}
