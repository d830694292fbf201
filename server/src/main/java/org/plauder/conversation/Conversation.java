package org.plauder.conversation;

import java.time.Instant;

/**
 * One chat between a visitor and (once assigned) an agent of the same site. {@code needs}: the
 * language and topic's skill it asks its agent for; {@code channel} says how the visitor talks:
 * {@link #CHAT} in the widget, {@link #EMAIL} by e-mail (package {@code mail}); {@code slot} which
 * of its agent's counters it took when it last became active (null: never active, or stored before
 * slots were written down); {@code follows} the conversation an e-mail conversation follows up: the
 * left message, ended chat or resolved e-mail whose answer the customer replied to (null: none).
 */
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
    ChatNeeds needs,
    String channel,
    SlotKind slot,
    String follows) {

  public static final String CHAT = "chat";
  public static final String EMAIL = "email";

  public Conversation {
    needs = ChatNeeds.orNone(needs);
    channel = channel == null ? CHAT : channel;
  }

  /** A conversation of the widget's chat that asks nothing in particular. */
  public Conversation(String id, String siteKey, String visitorId, String agentId, String agentName, ConversationStatus status,
      long queueTicket, Instant createdAt, Instant assignedAt, Instant firstAgentReplyAt, Instant closedAt, String closedBy,
      long lastSeq, Integer rating, String visitorName, String visitorEmail) {
    this(id, siteKey, visitorId, agentId, agentName, status, queueTicket, createdAt, assignedAt, firstAgentReplyAt, closedAt,
        closedBy, lastSeq, rating, visitorName, visitorEmail, ChatNeeds.NONE, CHAT);
  }

  /** A conversation of this channel that has not taken a slot yet (or whose slot is not known). */
  public Conversation(String id, String siteKey, String visitorId, String agentId, String agentName, ConversationStatus status,
      long queueTicket, Instant createdAt, Instant assignedAt, Instant firstAgentReplyAt, Instant closedAt, String closedBy,
      long lastSeq, Integer rating, String visitorName, String visitorEmail, ChatNeeds needs, String channel) {
    this(id, siteKey, visitorId, agentId, agentName, status, queueTicket, createdAt, assignedAt, firstAgentReplyAt, closedAt,
        closedBy, lastSeq, rating, visitorName, visitorEmail, needs, channel, null, null);
  }

  /** The same conversation with a later last seq and, for an agent's first reply, its time (the cached copy after an append). */
  public Conversation afterAppend(long seq, Instant firstAgentReply) {
    return new Conversation(id, siteKey, visitorId, agentId, agentName, status, queueTicket, createdAt, assignedAt,
        firstAgentReplyAt != null ? firstAgentReplyAt : firstAgentReply, closedAt, closedBy, Math.max(lastSeq, seq), rating,
        visitorName, visitorEmail, needs, channel, slot, follows);
  }

  /** The slot its agent holds for it: the one written down, else as its site's {@code maxEmails} says now ({@link SlotKind#held}). */
  public SlotKind slotHeld(Integer maxEmailsNow) {
    return SlotKind.held(channel, slot, maxEmailsNow);
  }

  /** The queue ticket of a held chat closed because the bot's answer settled it: it never was meant for an agent. */
  public static final long SELF_SERVED_TICKET = -1;

  /**
   * Held out of the queue (by the FAQ bot answering first): queued, but with no queue ticket yet,
   * so no drain sees it until it is handed over.
   */
  public boolean isHeld() {
    return status == ConversationStatus.QUEUED && queueTicket == 0;
  }

  /** Closed as self-served: the visitor said the FAQ bot's first answer helped, no agent was asked. */
  public boolean isSelfServed() {
    return status == ConversationStatus.CLOSED && queueTicket == SELF_SERVED_TICKET;
  }

  public boolean isOpen() {
    return status == ConversationStatus.QUEUED || status == ConversationStatus.ACTIVE;
  }

  /** Parked by its agent (pending or snoozed): not open, not ended, and holding no chat slot. */
  public boolean isParked() {
    return status == ConversationStatus.PENDING || status == ConversationStatus.SNOOZED;
  }
}
