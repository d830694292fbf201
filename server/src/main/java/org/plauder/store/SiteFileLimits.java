package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;
import org.plauder.attachment.FileLimits;

/** A site's file settings, kept in the site's own document (field {@code files}); a site without them has the defaults. */
public final class SiteFileLimits {

  private static final String FIELD = "files";

  private final Database db;

  public SiteFileLimits(Database db) {
    this.db = db;
  }

  public Future<FileLimits> find(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).projection(Projections.include(FIELD)).first()).map(site -> {
      Document files = site == null ? null : site.get(FIELD, Document.class);
      Integer mb = files == null ? null : files.getInteger("maxFileSizeMb");
      return mb == null ? FileLimits.DEFAULT : new FileLimits(mb);
    });
  }

  /** Stores the settings; false when there is no such site. */
  public Future<Boolean> save(String siteKey, FileLimits limits) {
    return Reactive.first(db.sites().updateOne(eq("_id", siteKey),
            Updates.set(FIELD, new Document("maxFileSizeMb", limits.maxFileSizeMb()))))
        .map(result -> result.getMatchedCount() == 1);
  }
}
