package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * Visitors online now: one document per visitor while any of its tabs is connected, removed
 * when it leaves. Every node refreshes {@code lastSeenAt} of the visitors it holds, so a node
 * that dies takes its visitors offline within a minute instead of leaving them "online".
 */
public final class PresenceStore {

  private final Database db;

  public PresenceStore(Database db) {
    this.db = db;
  }

  public Future<Document> find(String visitorId) {
    return Reactive.first(db.presence().find(eq("_id", visitorId)).first());
  }

  /** The visitor came online (first tab); a visitor already online keeps its onlineSince. */
  public Future<Void> online(String visitorId, String siteKey, boolean returning, String name, Instant now) {
    return Reactive.first(db.presence().updateOne(eq("_id", visitorId), Updates.combine(
            Updates.set("name", name),
            Updates.setOnInsert("siteKey", siteKey),
            Updates.setOnInsert("onlineSince", Dates.toDate(now)),
            Updates.setOnInsert("pageSince", Dates.toDate(now)),
            Updates.setOnInsert("pagesSeen", 0),
            Updates.setOnInsert("openOffer", null),
            Updates.set("returning", returning),
            Updates.set("lastSeenAt", Dates.toDate(now))),
        new UpdateOptions().upsert(true))).mapEmpty();
  }

  /** The visitor opened a page; returns the presence as it is now. */
  public Future<Document> pageView(String visitorId, String siteKey, String url, String title, String language, Instant now) {
    return Reactive.first(db.presence().findOneAndUpdate(eq("_id", visitorId), Updates.combine(
            Updates.setOnInsert("siteKey", siteKey),
            Updates.setOnInsert("onlineSince", Dates.toDate(now)),
            Updates.setOnInsert("openOffer", null),
            Updates.set("url", url),
            Updates.set("title", title),
            Updates.set("language", language),
            Updates.set("pageSince", Dates.toDate(now)),
            Updates.set("lastSeenAt", Dates.toDate(now)),
            Updates.inc("pagesSeen", 1)),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
  }

  /** The name a visitor gave when starting a chat, for the live-visitors list. */
  public Future<Void> setName(String visitorId, String name) {
    return Reactive.first(db.presence().updateOne(eq("_id", visitorId), Updates.set("name", name))).mapEmpty();
  }

  public Future<Void> heartbeat(List<String> visitorIds, Instant now) {
    if (visitorIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return Reactive.first(db.presence().updateMany(in("_id", visitorIds), Updates.set("lastSeenAt", Dates.toDate(now)))).mapEmpty();
  }

  public Future<Void> remove(String visitorId) {
    return Reactive.first(db.presence().deleteOne(eq("_id", visitorId))).mapEmpty();
  }

  /** The site's visitors seen since {@code since}, most recent page first. */
  public Future<List<Document>> onlineOfSite(String siteKey, Instant since) {
    return Reactive.list(db.presence().find(and(eq("siteKey", siteKey), gte("lastSeenAt", Dates.toDate(since))))
        .sort(new Document("pageSince", -1)));
  }

  /** Drops visitors whose node stopped refreshing them (it died); returns how many. */
  public Future<Long> sweep(Instant before) {
    return Reactive.first(db.presence().deleteMany(lt("lastSeenAt", Dates.toDate(before)))).map(r -> r.getDeletedCount());
  }

  /** Opens an offer unless one is open already; false when one was. */
  public Future<Boolean> openOffer(String visitorId, Document offer) {
    return Reactive.first(db.presence().updateOne(and(eq("_id", visitorId), eq("openOffer", null)),
        Updates.set("openOffer", offer))).map(r -> r.getModifiedCount() == 1);
  }

  /** Takes away whatever offer is open; returns it, or null when none was. */
  public Future<Document> clearOffer(String visitorId) {
    return Reactive.first(db.presence().findOneAndUpdate(and(eq("_id", visitorId), com.mongodb.client.model.Filters.ne("openOffer", null)),
            Updates.set("openOffer", null), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
        .map(before -> before == null ? null : before.get("openOffer", Document.class));
  }

  /** Takes the open offer with that id away (accepted or dismissed); null when it is not the open one. */
  public Future<Document> takeOffer(String visitorId, String offerId) {
    return Reactive.first(db.presence().findOneAndUpdate(and(eq("_id", visitorId), eq("openOffer.id", offerId)),
            Updates.set("openOffer", null), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
        .map(before -> before == null ? null : before.get("openOffer", Document.class));
  }
}
