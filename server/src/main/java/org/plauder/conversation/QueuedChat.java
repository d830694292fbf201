package org.plauder.conversation;

import java.time.Instant;

/**
 * A chat in its site's queue, as the queue's own entry has it: enough for positions and the
 * agents' queue view, with its {@link QueueCard} (first words and page; empty until the visitor wrote).
 */
public record QueuedChat(String conversationId, String visitorId, String visitorName, Instant waitingSince, ChatNeeds needs,
    QueueCard card) {

  public QueuedChat {
    needs = ChatNeeds.orNone(needs);
    card = QueueCard.orNone(card);
  }

  /** An entry without a card. */
  public QueuedChat(String conversationId, String visitorId, String visitorName, Instant waitingSince, ChatNeeds needs) {
    this(conversationId, visitorId, visitorName, waitingSince, needs, QueueCard.NONE);
  }
}
