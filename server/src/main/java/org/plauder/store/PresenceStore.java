package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.plauder.offer.Offer;
import org.plauder.visitor.OnlineVisitor;

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

  public Future<OnlineVisitor> find(String visitorId) {
    return Reactive.first(db.presence().find(eq("_id", visitorId)).first()).map(PresenceStore::toOnlineVisitor);
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
  public Future<OnlineVisitor> pageView(String visitorId, String siteKey, String url, String title, String language, Instant now) {
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
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)))
        .map(PresenceStore::toOnlineVisitor);
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
  public Future<List<OnlineVisitor>> onlineOfSite(String siteKey, Instant since) {
    return Reactive.list(db.presence().find(and(eq("siteKey", siteKey), gte("lastSeenAt", Dates.toDate(since))))
        .sort(new Document("pageSince", -1)))
        .map(list -> list.stream().map(PresenceStore::toOnlineVisitor).toList());
  }

  /** Drops visitors whose node stopped refreshing them (it died); returns how many. */
  public Future<Long> sweep(Instant before) {
    return Reactive.first(db.presence().deleteMany(lt("lastSeenAt", Dates.toDate(before)))).map(r -> r.getDeletedCount());
  }

  /** Opens an offer unless one is open already; false when one was. */
  public Future<Boolean> openOffer(String visitorId, Offer offer) {
    Document stored = new Document("id", offer.id()).append("ruleId", offer.ruleId()).append("text", offer.text())
        .append("from", offer.from()).append("agentId", offer.agentId());
    return Reactive.first(db.presence().updateOne(and(eq("_id", visitorId), eq("openOffer", null)),
        Updates.set("openOffer", stored))).map(r -> r.getModifiedCount() == 1);
  }

  /** Takes away whatever offer is open; returns it, or null when none was. */
  public Future<Offer> clearOffer(String visitorId) {
    return Reactive.first(db.presence().findOneAndUpdate(and(eq("_id", visitorId), ne("openOffer", null)),
            Updates.set("openOffer", null), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
        .map(before -> before == null ? null : toOffer(before.get("openOffer", Document.class)));
  }

  /** Takes the open offer with that id away (accepted or dismissed); null when it is not the open one. */
  public Future<Offer> takeOffer(String visitorId, String offerId) {
    return Reactive.first(db.presence().findOneAndUpdate(and(eq("_id", visitorId), eq("openOffer.id", offerId)),
            Updates.set("openOffer", null), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
        .map(before -> before == null ? null : toOffer(before.get("openOffer", Document.class)));
  }

  private static Offer toOffer(Document o) {
    return o == null ? null
        : new Offer(o.getString("id"), o.getString("ruleId"), o.getString("text"), o.getString("from"), o.getString("agentId"));
  }

  static OnlineVisitor toOnlineVisitor(Document p) {
    if (p == null) {
      return null;
    }
    return new OnlineVisitor(
        p.getString("_id"),
        p.getString("siteKey"),
        p.getString("name"),
        p.getString("url"),
        p.getString("title"),
        p.getString("language"),
        Dates.toInstant(p.getDate("pageSince")),
        Dates.toInstant(p.getDate("onlineSince")),
        p.getInteger("pagesSeen", 0),
        p.getBoolean("returning", false),
        toOffer(p.get("openOffer", Document.class)),
        Dates.toInstant(p.getDate("lastSeenAt")));
  }
}
