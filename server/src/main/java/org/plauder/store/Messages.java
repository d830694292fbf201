package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;
import org.plauder.conversation.ChatMessage;

/** Messages in MongoDB, one document each, unique per (conversation, seq) and (conversation, clientMsgId). */
public final class Messages {

  private final Database db;

  public Messages(Database db) {
    this.db = db;
  }

  public Future<ChatMessage> findByClientMsgId(String conversationId, String clientMsgId) {
    return Reactive.first(db.messages().find(and(eq("conversationId", conversationId), eq("clientMsgId", clientMsgId))).first())
        .map(Messages::toMessage);
  }

  /** Inserts the message; fails with a duplicate-key error when its seq or clientMsgId is taken. */
  public Future<ChatMessage> insert(ChatMessage m, String siteKey) {
    Document doc = new Document("_id", Ids.newId())
        .append("siteKey", siteKey)
        .append("conversationId", m.conversationId())
        .append("seq", m.seq())
        .append("sender", m.sender().wire())
        .append("senderId", m.senderId())
        .append("senderName", m.senderName())
        .append("text", m.text())
        .append("clientMsgId", m.clientMsgId())
        .append("time", Dates.toDate(m.time()));
    return Reactive.first(db.messages().insertOne(doc)).map(r -> m);
  }

  /** Up to {@code limit} messages with seq greater than {@code afterSeq}, in seq order. */
  public Future<List<ChatMessage>> after(String conversationId, long afterSeq, int limit) {
    return Reactive.list(db.messages().find(and(eq("conversationId", conversationId), gt("seq", afterSeq)))
            .sort(Sorts.ascending("seq")).limit(limit))
        .map(list -> list.stream().map(Messages::toMessage).toList());
  }

  /**
   * Messages of the site whose text contains {@code needle} (case-insensitive, matched
   * literally), newest first; optionally only within the given conversations and time range.
   */
  public Future<List<ChatMessage>> search(String siteKey, String needle, List<String> conversationIds,
      java.time.Instant from, java.time.Instant to, int limit) {
    List<org.bson.conversions.Bson> filters = new java.util.ArrayList<>();
    filters.add(eq("siteKey", siteKey));
    if (needle != null) {
      filters.add(com.mongodb.client.model.Filters.regex("text", java.util.regex.Pattern.quote(needle), "i"));
    }
    if (conversationIds != null) {
      filters.add(com.mongodb.client.model.Filters.in("conversationId", conversationIds));
    }
    if (from != null) {
      filters.add(com.mongodb.client.model.Filters.gte("time", Dates.toDate(from)));
    }
    if (to != null) {
      filters.add(com.mongodb.client.model.Filters.lt("time", Dates.toDate(to)));
    }
    return Reactive.list(db.messages().find(and(filters)).sort(Sorts.descending("time")).limit(limit))
        .map(list -> list.stream().map(Messages::toMessage).toList());
  }

  public Future<Long> deleteOfConversations(List<String> conversationIds) {
    if (conversationIds.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    return Reactive.first(db.messages().deleteMany(com.mongodb.client.model.Filters.in("conversationId", conversationIds)))
        .map(r -> r.getDeletedCount());
  }

  static ChatMessage toMessage(Document d) {
    if (d == null) {
      return null;
    }
    return new ChatMessage(
        d.getString("conversationId"),
        ((Number) d.get("seq")).longValue(),
        ChatMessage.Sender.fromWire(d.getString("sender")),
        d.getString("senderId"),
        d.getString("senderName"),
        d.getString("text"),
        d.getString("clientMsgId"),
        Dates.toInstant(d.getDate("time")));
  }
}
