package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;

/**
 * Each site's identity secret, with which its backend signs logged-in users: one document per
 * site, replaced on rotation. The secret leaves the store only to check a signature.
 */
public final class IdentitySecrets {

  /** A site's secret and when it was made. */
  public record Stored(String secret, Instant createdAt) {}

  private final Database db;

  public IdentitySecrets(Database db) {
    this.db = db;
  }

  /** The site's current secret, or null when it has none. */
  public Future<Stored> find(String siteKey) {
    return Reactive.first(db.identitySecrets().find(eq("_id", siteKey)).first())
        .map(d -> d == null ? null : new Stored(d.getString("secret"), Dates.toInstant(d.getDate("createdAt"))));
  }

  /** Sets the site's secret, replacing the one before (signatures made with that one stop working at once). */
  public Future<Void> replace(String siteKey, String secret, Instant now) {
    Document doc = new Document("_id", siteKey).append("secret", secret).append("createdAt", Dates.toDate(now));
    return Reactive.first(db.identitySecrets().replaceOne(eq("_id", siteKey), doc, new ReplaceOptions().upsert(true))).mapEmpty();
  }
}
