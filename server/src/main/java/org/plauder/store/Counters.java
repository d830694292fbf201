package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;

/** Named, atomically increasing counters, shared by every node through MongoDB. */
public final class Counters {

  private final Database db;

  public Counters(Database db) {
    this.db = db;
  }

  public Future<Long> next(String name) {
    FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    return Reactive.first(db.counters().findOneAndUpdate(eq("_id", name), Updates.inc("value", 1L), options))
        .map(d -> ((Number) d.get("value")).longValue());
  }
}
