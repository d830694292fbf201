package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;

/**
 * Which visitor a site's verified user is: one document per site and user id ({@code _id} =
 * site key + ":" + user id, site keys hold no colon), so the first claim wins on every node and
 * a user's devices all find the same visitor by exact key.
 */
public final class VerifiedUsers {

  private final Database db;

  public VerifiedUsers(Database db) {
    this.db = db;
  }

  /** The user's visitor id, or null when the user was never verified on this site. */
  public Future<String> visitorOf(String siteKey, String userId) {
    return Reactive.first(db.verifiedUsers().find(eq("_id", key(siteKey, userId))).first())
        .map(d -> d == null ? null : d.getString("visitorId"));
  }

  /** Makes {@code visitorId} the user's visitor unless another claim came first; answers the visitor that holds it. */
  public Future<String> claim(String siteKey, String userId, String visitorId) {
    Document doc = new Document("_id", key(siteKey, userId)).append("visitorId", visitorId);
    return Reactive.first(db.verifiedUsers().insertOne(doc))
        .map(r -> visitorId)
        .recover(e -> e instanceof AlreadyExists ? visitorOf(siteKey, userId) : Future.failedFuture(e));
  }

  /**
   * Moves the user to {@code visitorId} when its visitor is still {@code goneVisitorId} (erased);
   * answers the visitor that holds it then.
   */
  public Future<String> replaceGone(String siteKey, String userId, String goneVisitorId, String visitorId) {
    return Reactive.first(db.verifiedUsers().updateOne(and(eq("_id", key(siteKey, userId)), eq("visitorId", goneVisitorId)),
            Updates.set("visitorId", visitorId)))
        .compose(r -> visitorOf(siteKey, userId));
  }

  /** Forgets the user (its visitor was erased): nothing of its id stays behind. */
  public Future<Void> forget(String siteKey, String userId) {
    return Reactive.first(db.verifiedUsers().deleteOne(eq("_id", key(siteKey, userId)))).mapEmpty();
  }

  private static String key(String siteKey, String userId) {
    return siteKey + ":" + userId;
  }
}
