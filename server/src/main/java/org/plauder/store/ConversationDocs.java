package org.plauder.store;

import java.time.Instant;
import org.bson.Document;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.SlotKind;

/**
 * A conversation as a MongoDB document and back; a chat stored before it had needs asks nothing, one
 * stored before slots were written down has no {@code slot}, and only an e-mail follow-up has {@code follows}.
 */
final class ConversationDocs {

  private ConversationDocs() {}

  static Document needs(ChatNeeds needs) {
    if (!needs.asksAnything()) {
      return null;
    }
    return new Document("language", needs.language()).append("skill", needs.skill())
        .append("matchOnlyUntil", Dates.toDate(needs.matchOnlyUntil()));
  }

  /** A new conversation's document: nobody's yet, nothing said. */
  static Document document(String id, String siteKey, String visitorId, ConversationStatus status, long queueTicket,
      String visitorName, String visitorEmail, ChatNeeds needs, Instant now, String channel) {
    return new Document("_id", id).append("siteKey", siteKey).append("visitorId", visitorId)
        .append("agentId", null).append("agentName", null)
        .append("status", status.wire()).append("queueTicket", queueTicket).append("createdAt", Dates.toDate(now))
        .append("assignedAt", null).append("firstAgentReplyAt", null).append("closedAt", null).append("closedBy", null)
        .append("lastSeq", 0L).append("rating", null)
        .append("visitorName", visitorName).append("visitorEmail", visitorEmail).append("needs", needs(needs))
        .append("channel", channel);
  }

  static ChatNeeds needs(Document d) {
    if (d == null) {
      return ChatNeeds.NONE;
    }
    return new ChatNeeds(d.getString("language"), d.getString("skill"), Dates.toInstant(d.getDate("matchOnlyUntil")));
  }

  static Conversation toConversation(Document d) {
    if (d == null) {
      return null;
    }
    Number ticket = (Number) d.get("queueTicket");
    Number lastSeq = (Number) d.get("lastSeq");
    return new Conversation(
        d.getString("_id"),
        d.getString("siteKey"),
        d.getString("visitorId"),
        d.getString("agentId"),
        d.getString("agentName"),
        ConversationStatus.fromWire(d.getString("status")),
        ticket == null ? 0 : ticket.longValue(),
        Dates.toInstant(d.getDate("createdAt")),
        Dates.toInstant(d.getDate("assignedAt")),
        Dates.toInstant(d.getDate("firstAgentReplyAt")),
        Dates.toInstant(d.getDate("closedAt")),
        d.getString("closedBy"),
        lastSeq == null ? 0 : lastSeq.longValue(),
        d.getInteger("rating"),
        d.getString("visitorName"),
        d.getString("visitorEmail"),
        needs(d.get("needs", Document.class)),
        d.get("channel", Conversation.CHAT),
        SlotKind.fromWire(d.getString("slot")),
        d.getString("follows"));
  }
}
