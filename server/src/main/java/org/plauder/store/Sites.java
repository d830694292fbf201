package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;
import org.plauder.site.Site;

/** Sites (tenants) in MongoDB. */
public final class Sites {

  private final Database db;

  public Sites(Database db) {
    this.db = db;
  }

  public Future<Site> find(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).first()).map(Sites::toSite);
  }

  /** Creates the site unless one with that key exists; returns the stored one either way. */
  public Future<Site> createIfAbsent(Site site) {
    Document doc = new Document("_id", site.key())
        .append("name", site.name())
        .append("allowedOrigins", site.allowedOrigins())
        .append("defaultMaxChats", site.defaultMaxChats())
        .append("offlineMessage", site.offlineMessage());
    return Reactive.first(db.sites().insertOne(doc))
        .<Void>mapEmpty()
        .recover(e -> Duplicates.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e))
        .compose(v -> find(site.key()));
  }

  @SuppressWarnings("unchecked")
  static Site toSite(Document d) {
    if (d == null) {
      return null;
    }
    return new Site(
        d.getString("_id"),
        d.getString("name"),
        (List<String>) d.get("allowedOrigins", List.class),
        d.getInteger("defaultMaxChats", 3),
        d.getString("offlineMessage"));
  }
}
