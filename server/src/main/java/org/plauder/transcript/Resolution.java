package org.plauder.transcript;

import java.time.Duration;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;

/**
 * How long a conversation took to resolve: from its start to its close, counted only for one that
 * an agent answered and that is closed (a left message, a chat nobody answered and one the FAQ bot
 * settled have no resolution time). Pure.
 */
public final class Resolution {

  private Resolution() {}

  /** Seconds from created to closed, or null when the conversation has no resolution time. */
  public static Long seconds(Conversation c) {
    if (c.status() != ConversationStatus.CLOSED || c.firstAgentReplyAt() == null || c.closedAt() == null || c.createdAt() == null) {
      return null;
    }
    return Math.max(0, Duration.between(c.createdAt(), c.closedAt()).toSeconds());
  }

  /** Seconds from created to the first agent reply, or null when no agent answered. */
  public static Long firstResponseSeconds(Conversation c) {
    if (c.firstAgentReplyAt() == null || c.createdAt() == null) {
      return null;
    }
    return Math.max(0, Duration.between(c.createdAt(), c.firstAgentReplyAt()).toSeconds());
  }
}
