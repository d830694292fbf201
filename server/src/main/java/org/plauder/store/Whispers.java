package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;
import org.plauder.conversation.Whisper;
import org.plauder.conversation.WhisperLog;

/**
 * The whispers of each conversation in one document per conversation ({@code _id} = its id), apart
 * from the messages: nothing that reads messages for a visitor can come upon them. At most
 * {@link #KEPT} per conversation.
 */
public final class Whispers implements WhisperLog {

  static final int KEPT = 500;

  private final Database db;

  Whispers(Database db) {
    this.db = db;
  }

  /** Stored once per clientMsgId ({@link ConversationEntries#appendOnce}). */
  @Override
  public Future<Boolean> append(Whisper w) {
    Document entry = new Document("agentId", w.agentId()).append("agentName", w.agentName()).append("text", w.text())
        .append("clientMsgId", w.clientMsgId()).append("at", Dates.toDate(w.at()));
    return ConversationEntries.appendOnce(db.whispers(), w.conversationId(), "whispers", entry, List.of(), KEPT);
  }

  @Override
  public Future<List<Whisper>> of(String conversationId) {
    return Reactive.first(db.whispers().find(eq("_id", conversationId)).first()).map(d -> d == null ? List.<Whisper>of()
        : d.getList("whispers", Document.class).stream().map(w -> new Whisper(conversationId, w.getString("agentId"),
            w.getString("agentName"), w.getString("text"), w.getString("clientMsgId"), Dates.toInstant(w.getDate("at")))).toList());
  }

  /** Removes the whispers of these conversations (retention, erasure). */
  Future<Void> deleteOf(List<String> conversationIds) {
    return Reactive.done(db.whispers().deleteMany(com.mongodb.client.model.Filters.in("_id", conversationIds)));
  }
}
