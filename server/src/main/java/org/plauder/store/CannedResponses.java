package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;

/**
 * A site's canned responses (ready-made replies agents insert into a chat), kept as an array in
 * the site's own document so that adding one and checking the limit is one atomic update.
 */
public final class CannedResponses {

  /** One ready-made reply. */
  public record CannedResponse(String id, String title, String text) {}

  public static final int MAX_PER_SITE = 100;
  private static final String FIELD = "cannedResponses";

  private final Database db;

  public CannedResponses(Database db) {
    this.db = db;
  }

  public Future<List<CannedResponse>> ofSite(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).projection(Projections.include(FIELD)).first())
        .map(site -> {
          List<Document> stored = site == null ? null : site.getList(FIELD, Document.class);
          return stored == null ? List.<CannedResponse>of() : stored.stream()
              .map(d -> new CannedResponse(d.getString("id"), d.getString("title"), d.getString("text")))
              .toList();
        });
  }

  /** Adds a response, or returns null when the site has {@link #MAX_PER_SITE} already (or does not exist). */
  public Future<CannedResponse> add(String siteKey, String title, String text) {
    CannedResponse response = new CannedResponse(Ids.newId(), title, text);
    Document entry = new Document("id", response.id()).append("title", title).append("text", text);
    return Reactive.first(db.sites().updateOne(
            and(eq("_id", siteKey), exists(FIELD + "." + (MAX_PER_SITE - 1), false)),
            Updates.push(FIELD, entry)))
        .map(result -> result.getModifiedCount() == 1 ? response : null);
  }

  /** Removes a response of this site; false when there was none with this id. */
  public Future<Boolean> remove(String siteKey, String responseId) {
    return Reactive.first(db.sites().updateOne(eq("_id", siteKey), Updates.pull(FIELD, new Document("id", responseId))))
        .map(result -> result.getModifiedCount() == 1);
  }
}
