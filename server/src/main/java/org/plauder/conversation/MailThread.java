package org.plauder.conversation;

import java.util.List;

/**
 * The e-mail thread of a conversation: the customer it is with, the subject it began with, the
 * reply token that Plauder's own Message-IDs carry, and every Message-ID seen in it (oldest
 * first), which a reply's In-Reply-To and References point back at.
 */
public record MailThread(
    String conversationId,
    String siteKey,
    String token,
    String customerAddress,
    String customerName,
    String subject,
    List<String> messageIds) {

  /** The Message-ID an answer replies to: the thread's latest. */
  public String lastMessageId() {
    return messageIds.isEmpty() ? null : messageIds.get(messageIds.size() - 1);
  }
}
