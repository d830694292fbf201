package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversations' last seq, written behind: the highest seq appended to each conversation in
 * the last moment goes out in one bulk write, instead of one update after every message. The
 * stored last seq is a hint — history paging reads one past it, the seq retry climbs past it —
 * so a value that trails by one moment after a crash costs a retry, never a message.
 */
public final class LastSeqs {

  private static final Logger log = LoggerFactory.getLogger(LastSeqs.class);

  /** How long appended seqs are collected before they are written. */
  static final long COLLECT_MILLIS = 250;

  private final Vertx vertx;
  private final Database db;
  /** Conversation id to the highest seq not yet written. Guarded by {@code this}. */
  private Map<String, Long> pending = new HashMap<>();
  private boolean scheduled;

  public LastSeqs(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.db = db;
  }

  /** The conversation's messages go up to {@code seq} now; written with the next batch. */
  public void appended(String conversationId, long seq) {
    synchronized (this) {
      pending.merge(conversationId, seq, Math::max);
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    vertx.setTimer(COLLECT_MILLIS, id -> write().onFailure(e -> log.warn("last seqs not written: {}", e.toString())));
  }

  /** Writes what is collected now (a node that stops calls this before it closes the database). */
  public Future<Void> write() {
    Map<String, Long> batch;
    synchronized (this) {
      batch = pending;
      pending = new HashMap<>();
      scheduled = false;
    }
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WriteModel<Document>> updates = new ArrayList<>(batch.size());
    batch.forEach((id, seq) -> updates.add(new UpdateOneModel<>(eq("_id", id), Updates.max("lastSeq", seq))));
    return Reactive.first(db.conversations().bulkWrite(updates, new BulkWriteOptions().ordered(false))).mapEmpty();
  }
}
