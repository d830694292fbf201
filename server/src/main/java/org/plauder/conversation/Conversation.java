package org.plauder.conversation;

import java.time.Instant;

/** One chat between a visitor and (once assigned) an agent of the same site; {@code needs}: its language and topic's skill. */
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
    String visitorEmail,
    ChatNeeds needs) {

  public Conversation {
    needs = ChatNeeds.orNone(needs);
  }

  /** The same conversation with a later last seq and, for an agent's first reply, its time (the cached copy after an append). */
  public Conversation afterAppend(long seq, Instant firstAgentReply) {
    return new Conversation(id, siteKey, visitorId, agentId, agentName, status, queueTicket, createdAt, assignedAt,
        firstAgentReplyAt != null ? firstAgentReplyAt : firstAgentReply, closedAt, closedBy, Math.max(lastSeq, seq), rating,
        visitorName, visitorEmail, needs);
  }

  public boolean isOpen() {
    return status == ConversationStatus.QUEUED || status == ConversationStatus.ACTIVE;
  }
}
