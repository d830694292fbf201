package org.plauder.conversation;

import java.time.Instant;

/** One chat between a visitor and (once assigned) an agent of the same site. */
public record Conversation(
    String id,
    String siteKey,
    String visitorId,
    String agentId,
    String agentName,
    ConversationStatus status,
    long queueTicket,
    Instant createdAt,
    Instant assignedAt,
    Instant firstAgentReplyAt,
    Instant closedAt,
    String closedBy,
    long lastSeq,
    Integer rating,
    String visitorName,
    String visitorEmail) {

  public boolean isOpen() {
    return status == ConversationStatus.QUEUED || status == ConversationStatus.ACTIVE;
  }
}
