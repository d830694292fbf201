package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;

/** A conversation's one transcript e-mail, claimed on its document ({@code transcriptEmailedAt}) before it is sent. */
public final class TranscriptEmailClaims {

  private final Database db;

  TranscriptEmailClaims(Database db) {
    this.db = db;
  }

  /** Claims the conversation's one transcript e-mail; false when it was sent (or is being sent) already. */
  public Future<Boolean> claim(String id, Instant now) {
    return Reactive.first(db.conversations().updateOne(and(eq("_id", id), eq("transcriptEmailedAt", null)),
        Updates.set("transcriptEmailedAt", Dates.toDate(now)))).map(r -> r.getModifiedCount() == 1);
  }

  /** Gives the claim back after the mail server refused, so the visitor can try again. */
  public Future<Void> release(String id) {
    return Reactive.first(db.conversations().updateOne(eq("_id", id), Updates.set("transcriptEmailedAt", null))).mapEmpty();
  }
}
