package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;
import org.plauder.site.TranscriptSender;

/** A site's transcript sender, kept in the site's own document (field {@code transcriptSender}); none: the server's. */
public final class SiteSenders {

  private static final String FIELD = "transcriptSender";

  private final Database db;

  public SiteSenders(Database db) {
    this.db = db;
  }

  /** The site's sender, or null when it has none (or there is no such site). */
  public Future<TranscriptSender> find(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).projection(Projections.include(FIELD)).first()).map(site -> {
      Document sender = site == null ? null : site.get(FIELD, Document.class);
      return sender == null ? null : new TranscriptSender(sender.getString("name"), sender.getString("address"));
    });
  }

  /** Stores the sender (null: back to the server's); false when there is no such site. */
  public Future<Boolean> save(String siteKey, TranscriptSender sender) {
    return Reactive.first(db.sites().updateOne(eq("_id", siteKey), sender == null ? Updates.unset(FIELD)
            : Updates.set(FIELD, new Document("name", sender.name()).append("address", sender.address()))))
        .map(result -> result.getMatchedCount() == 1);
  }
}
