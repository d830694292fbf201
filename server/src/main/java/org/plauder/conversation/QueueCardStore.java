package org.plauder.conversation;

import io.vertx.core.Future;

/** Where a waiting chat's {@link QueueCard} is kept: on the conversation and on its queue entry. */
public interface QueueCardStore {

  /**
   * Keeps {@code card} on the conversation and, while it waits, on its queue entry, unless they
   * have one already (the first message is the one shown); true when the queue entry took it, so
   * that the queue views are told again.
   */
  Future<Boolean> note(String conversationId, QueueCard card);
}
