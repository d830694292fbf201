package org.plauder.store;

import org.bson.Document;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.SlotKind;

/**
 * A conversation as a MongoDB document and back; a chat stored before it had needs asks nothing, and one
 * stored before slots were written down has no {@code slot}.
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
        SlotKind.fromWire(d.getString("slot")));
  }
}
