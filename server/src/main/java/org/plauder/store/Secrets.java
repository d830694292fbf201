package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;

/** Secrets generated on first start and shared by every node through MongoDB. */
public final class Secrets {

  private final Database db;

  public Secrets(Database db) {
    this.db = db;
  }

  /** The stored secret of that name, generated (64 random bytes) when there is none yet. */
  public Future<String> getOrCreate(String name) {
    byte[] bytes = new byte[64];
    new SecureRandom().nextBytes(bytes);
    String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return Reactive.first(db.secrets().insertOne(new Document("_id", name).append("value", fresh)))
        .map(r -> fresh)
        .recover(e -> e instanceof AlreadyExists
            ? Reactive.first(db.secrets().find(eq("_id", name)).first()).map(d -> d.getString("value"))
            : Future.failedFuture(e));
  }
}
