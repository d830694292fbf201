package org.plauder.conversation;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Chats held out of the queue before they join it (see {@link Conversation#isHeld}): the FAQ bot
 * answers them first. A held chat is the visitor's one open chat like any other, but has no queue
 * ticket and no queue entry, so routing does not see it. Implemented by {@code store.HeldChats}.
 */
public interface HeldChatStore {

  /** Opens a held chat for the visitor; null when the visitor has an open chat already. */
  Future<Conversation> openHeld(String siteKey, String visitorId, String visitorName, String visitorEmail, Instant now);

  /**
   * Ends the hold, once: the chat gets this queue ticket and, with {@code enqueue}, its queue entry.
   * The conversation as it is now, or null when it was not held (any more).
   */
  Future<Conversation> takeHold(String id, long queueTicket, boolean enqueue);
}
