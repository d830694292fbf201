package org.plauder.conversation;

import io.vertx.core.Future;

/** Appends messages to a conversation: what routing needs of {@link ConversationService}. */
public interface ChatLog {

  /**
   * A stored message, whether it was stored by an earlier send of the same clientMsgId, and
   * whether card numbers in it were masked.
   */
  record Appended(ChatMessage message, boolean duplicate, boolean masked) {}

  /** Stores the message once per clientMsgId, with the next seq, and announces it. */
  Future<Appended> append(Conversation c, ChatMessage.Sender sender, String senderId, String senderName, String text,
      String clientMsgId);
}
