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
  public Future<ChatMessage> insert(ChatMessage m) {
    Document doc = new Document("_id", Ids.newId())
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
