package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;
import org.plauder.conversation.QueueCard;
import org.plauder.conversation.QueueCardStore;

/**
 * Each waiting chat's {@link QueueCard}, as the field {@code card} of its conversation (so a chat
 * that goes back to the queue, or an entry rebuilt at start-up, has it again) and of its queue
 * entry (so that reading the queue reads no conversation). Two exact-key updates, once per chat.
 */
public final class QueueCards implements QueueCardStore {

  private final Database db;

  public QueueCards(Database db) {
    this.db = db;
  }

  @Override
  public Future<Boolean> note(String conversationId, QueueCard card) {
    Document fields = toDocument(card);
    return Future.all(
            Reactive.first(db.conversations().updateOne(and(eq("_id", conversationId), exists("card", false)), Updates.set("card", fields))),
            Reactive.first(db.queue().updateOne(and(eq("_id", conversationId), exists("card", false)), Updates.set("card", fields))))
        .map(both -> both.<com.mongodb.client.result.UpdateResult>resultAt(1).getModifiedCount() > 0);
  }

  static Document toDocument(QueueCard card) {
    return card == null || card.isEmpty() ? null
        : new Document("preview", card.preview()).append("pageUrl", card.pageUrl()).append("pageTitle", card.pageTitle());
  }

  static QueueCard fromDocument(Document d) {
    return d == null ? QueueCard.NONE : new QueueCard(d.getString("preview"), d.getString("pageUrl"), d.getString("pageTitle"));
  }
}
