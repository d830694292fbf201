package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A list of entries kept on one document per conversation ({@code _id} = its id), apart from the
 * messages — whispers, notes: each entry stored once per clientMsgId, the list trimmed to its newest.
 */
final class ConversationEntries {

  private ConversationEntries() {}

  /**
   * One conditional upsert: it matches only while the clientMsgId is not there yet; when it is, the
   * upsert's insert meets the existing id and is refused, which means "stored already" (false).
   * {@code alsoSet}: further updates of the same write.
   */
  static Future<Boolean> appendOnce(MongoCollection<Document> collection, String conversationId, String field, Document entry,
      List<Bson> alsoSet, int kept) {
    List<Bson> updates = new ArrayList<>(alsoSet);
    updates.add(0, Updates.push(field, entry));
    return Reactive.first(collection.updateOne(and(eq("_id", conversationId), ne(field + ".clientMsgId", entry.getString("clientMsgId"))),
            Updates.combine(updates), new UpdateOptions().upsert(true)))
        .map(r -> true)
        .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture(false) : Future.failedFuture(e))
        .compose(appended -> appended
            ? Reactive.done(collection.updateOne(eq("_id", conversationId), Updates.pushEach(field, List.of(), new PushOptions().slice(-kept))))
                .map(true)
            : Future.succeededFuture(false));
  }
}
