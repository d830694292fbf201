package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import io.vertx.core.Future;
import org.bson.Document;

/**
 * What an earlier Plauder kept in the database's {@code secrets} collection: its token signing
 * key, which now lives in a file. Read once, so that tokens already handed out stay valid, and
 * removed once the file holds it.
 */
public final class Secrets {

  private final Database db;

  public Secrets(Database db) {
    this.db = db;
  }

  /** The stored secret of that name, or null. */
  public Future<String> find(String name) {
    return Reactive.first(db.secrets().find(eq("_id", name)).first()).map(d -> d == null ? null : d.getString("value"));
  }

  public Future<Void> remove(String name) {
    return Reactive.first(db.secrets().deleteOne(eq("_id", name))).mapEmpty();
  }
}
