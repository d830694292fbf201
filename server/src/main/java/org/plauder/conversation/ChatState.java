package org.plauder.conversation;

/**
 * A conversation's state as its visitor sees it: its status, the conversation, and while it is
 * queued its position (1-based) and wait estimate; {@code masked} when card numbers in the
 * visitor's first message were masked. With nobody online the state is {@code offline} and there
 * is no conversation.
 */
public record ChatState(ConversationStatus status, Conversation conversation, int position, Long estimatedWaitSeconds,
    boolean masked) {

  public static ChatState offline() {
    return new ChatState(ConversationStatus.OFFLINE, null, 0, null, false);
  }

  public static ChatState of(Conversation c) {
    return new ChatState(c.status(), c, 0, null, false);
  }

  public static ChatState queued(Conversation c, int position, Long estimatedWaitSeconds) {
    return new ChatState(ConversationStatus.QUEUED, c, position, estimatedWaitSeconds, false);
  }

  public ChatState withMasked(boolean masked) {
    return new ChatState(status, conversation, position, estimatedWaitSeconds, masked);
  }
}
