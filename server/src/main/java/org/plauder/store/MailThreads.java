package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.plauder.conversation.MailThread;

/**
 * The e-mail threads of conversations and the mail taken in: which conversation a reply belongs
 * to (by its reply token or a Message-ID it refers to), and each incoming mail's full text, kept
 * as it came while the conversation shows it trimmed.
 */
public final class MailThreads {

  private final Database db;

  public MailThreads(Database db) {
    this.db = db;
  }

  /** Starts the conversation's thread, or returns the one it has. */
  public Future<MailThread> start(MailThread thread) {
    Document doc = new Document("siteKey", thread.siteKey()).append("token", thread.token())
        .append("customerAddress", thread.customerAddress()).append("customerName", thread.customerName())
        .append("subject", thread.subject()).append("messageIds", thread.messageIds());
    return Reactive.first(db.mailThreads().updateOne(eq("_id", thread.conversationId()), Updates.setOnInsert(doc),
            new UpdateOptions().upsert(true)))
        .compose(r -> of(thread.conversationId()));
  }

  public Future<MailThread> of(String conversationId) {
    return Reactive.first(db.mailThreads().find(eq("_id", conversationId)).first()).map(MailThreads::toThread);
  }

  /** The site's thread with this reply token, or else one that holds one of these Message-IDs; null when none does. */
  public Future<MailThread> find(String siteKey, String token, List<String> messageIds) {
    Future<Document> byToken = token == null ? Future.succeededFuture()
        : Reactive.first(db.mailThreads().find(and(eq("siteKey", siteKey), eq("token", token))).first());
    return byToken.compose(found -> found != null || messageIds.isEmpty() ? Future.succeededFuture(found)
            : Reactive.first(db.mailThreads().find(and(eq("siteKey", siteKey), in("messageIds", messageIds))).first()))
        .map(MailThreads::toThread);
  }

  /** Adds a Message-ID (sent or received) to the thread. */
  public Future<Void> add(String conversationId, String messageId) {
    return Reactive.done(db.mailThreads().updateOne(eq("_id", conversationId), Updates.addToSet("messageIds", messageId)));
  }

  /** Whether this mail of the site was taken in already (a node stopped before marking it seen). */
  public Future<Boolean> taken(String siteKey, String messageId) {
    return Reactive.first(db.mailOriginals().find(eq("_id", siteKey + ":" + messageId)).first()).map(d -> d != null);
  }

  /** Keeps the mail as it came, with the conversation and message it became. */
  public Future<Void> keepOriginal(String siteKey, String messageId, String conversationId, long seq, String from, String subject,
      String text, Instant receivedAt) {
    Document doc = new Document("_id", siteKey + ":" + messageId).append("siteKey", siteKey).append("conversationId", conversationId)
        .append("seq", seq).append("from", from).append("subject", subject).append("text", text)
        .append("receivedAt", Dates.toDate(receivedAt));
    return Reactive.done(db.mailOriginals().insertOne(doc)).recover(e -> e instanceof AlreadyExists
        ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /** The full texts of the conversation's incoming mails, by the seq of the message each became. */
  public Future<Map<Long, String>> originals(String conversationId) {
    return Reactive.list(db.mailOriginals().find(eq("conversationId", conversationId))).map(list -> {
      Map<Long, String> bySeq = new TreeMap<>();
      list.forEach(d -> bySeq.put(d.get("seq", Number.class).longValue(), d.getString("text")));
      return bySeq;
    });
  }

  /** Deleted with their conversations (erasure, retention): the threads and the mails as they came. */
  static Future<Void> deleteOf(Database db, List<String> conversationIds) {
    return Reactive.done(db.mailThreads().deleteMany(in("_id", conversationIds)))
        .compose(v -> Reactive.done(db.mailOriginals().deleteMany(in("conversationId", conversationIds))));
  }

  private static MailThread toThread(Document d) {
    if (d == null) {
      return null;
    }
    return new MailThread(d.getString("_id"), d.getString("siteKey"), d.getString("token"), d.getString("customerAddress"),
        d.getString("customerName"), d.getString("subject"), d.getList("messageIds", String.class, List.of()));
  }
}
