package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plauder.visitor.Visitor;
import org.plauder.visitor.AgentMemory;
import org.plauder.visitor.VisitorContacts;

/** Anonymous visitors of a site, minted by the server. */
public final class Visitors implements VisitorContacts, AgentMemory {

  private static final int PAGES_KEPT = 50;

  private final Database db;
  /** New visitors, inserted together while an insert is under way (a mint answers once its visitor is stored). */
  private final GroupedWrites<Document> inserts;
  /**
   * Page views and remembered agents, written together while a write is under way (each answers
   * once its update is stored): at a hundred chats a second they are a few commands, not hundreds.
   */
  private final GroupedWrites<UpdateOneModel<Document>> updates;

  public Visitors(Database db) {
    this.db = db;
    this.inserts = new GroupedWrites<>(docs -> Reactive.done(db.visitors().insertMany(docs)));
    // Ordered: two pages of one visitor in one group keep their order in its trail.
    this.updates = new GroupedWrites<>(updates -> Reactive.done(db.visitors().bulkWrite(updates, new BulkWriteOptions().ordered(true))));
  }

  public Future<String> create(String siteKey, String userAgent, Instant now) {
    String id = Ids.newId();
    Document doc = new Document("_id", id)
        .append("siteKey", siteKey)
        .append("userAgent", userAgent)
        .append("createdAt", Dates.toDate(now))
        .append("lastSeenAt", Dates.toDate(now))
        .append("pageCount", 0)
        .append("visits", 1);
    return inserts.add(doc).map(v -> id);
  }

  /**
   * Marks a visitor who came back as seen again, counting a new visit when the last one has ended
   * ({@link Visitor#startsNewVisitAt}); answers its visit number now, or 0 when no such visitor
   * exists on that site. Looked up by id alone (an exact-key lookup, indexed on the embedded
   * server too), then the site is compared here.
   */
  public Future<Integer> markSeenAgain(String visitorId, String siteKey, String userAgent, Instant now) {
    return find(visitorId).compose(visitor -> {
      if (visitor == null || !siteKey.equals(visitor.siteKey())) {
        return Future.succeededFuture(0);
      }
      Bson seen = Updates.combine(Updates.set("lastSeenAt", Dates.toDate(now)), Updates.set("userAgent", userAgent));
      if (!visitor.startsNewVisitAt(now)) {
        return Reactive.first(db.visitors().updateOne(eq("_id", visitorId), seen)).map(r -> r.getMatchedCount() == 1 ? visitor.visits() : 0);
      }
      // Counted only while lastSeenAt is still what was read: of two tabs coming back at once, one
      // counts the visit. A flat filter that starts with the id: found by index, where $and would scan.
      Document unchanged = new Document("_id", visitorId)
          .append("lastSeenAt", visitor.lastSeenAt() == null ? null : Dates.toDate(visitor.lastSeenAt()));
      return Reactive.first(db.visitors().updateOne(unchanged, Updates.combine(seen, Updates.inc("visits", 1))))
          .compose(r -> r.getMatchedCount() == 1 ? Future.succeededFuture(visitor.visits() + 1)
              : Reactive.first(db.visitors().updateOne(eq("_id", visitorId), seen)).compose(again -> find(visitorId))
                  .map(counted -> counted == null ? 0 : counted.visits()));
    });
  }

  /**
   * Adds the page to the visitor's trail (nothing when the visitor is gone, e.g. erased meanwhile:
   * an update never brings a visitor back); completes once the page is stored.
   */
  public Future<Void> recordPageView(String visitorId, String url, String title, Instant now) {
    Document page = new Document("url", url).append("title", title).append("at", Dates.toDate(now));
    return updates.add(new UpdateOneModel<>(eq("_id", visitorId), Updates.combine(
        Updates.set("lastSeenAt", Dates.toDate(now)),
        Updates.set("currentPage", page),
        Updates.inc("pageCount", 1),
        Updates.pushEach("pages", List.of(page), new PushOptions().slice(-PAGES_KEPT)))));
  }

  /** Removes the visitor of that site; false when there was none. */
  public Future<Boolean> delete(String visitorId, String siteKey) {
    return Reactive.first(db.visitors().deleteOne(and(eq("_id", visitorId), eq("siteKey", siteKey))))
        .map(r -> r.getDeletedCount() == 1);
  }

  public Future<Void> recordOfferShown(String visitorId, Instant now) {
    return Reactive.first(db.visitors().updateOne(eq("_id", visitorId), Updates.set("lastOfferAt", Dates.toDate(now)))).mapEmpty();
  }

  public Future<Void> recordOfferDismissed(String visitorId, Instant now) {
    return Reactive.first(db.visitors().updateOne(eq("_id", visitorId), Updates.set("offerDismissedAt", Dates.toDate(now)))).mapEmpty();
  }

  public Future<Visitor> find(String visitorId) {
    return Reactive.first(db.visitors().find(eq("_id", visitorId)).first()).map(Visitors::toVisitor);
  }

  @Override
  public Future<Void> remember(String visitorId, String agentId) {
    return updates.add(new UpdateOneModel<>(eq("_id", visitorId), Updates.set("lastAgentId", agentId)));
  }

  @Override
  public Future<String> lastAgentOf(String visitorId) {
    return Reactive.first(db.visitors().find(eq("_id", visitorId)).projection(new Document("lastAgentId", 1)).first())
        .map(d -> d == null ? null : d.getString("lastAgentId"));
  }

  /** Marks the visitor as a verified user's (such a visitor is never asked the pre-chat form). */
  public Future<Void> markVerified(String visitorId, String userId) {
    return Reactive.first(db.visitors().updateOne(eq("_id", visitorId), Updates.set("verifiedUserId", userId))).mapEmpty();
  }

  /** Whether the visitor is a verified user's. */
  public Future<Boolean> isVerified(String visitorId) {
    return verifiedUserId(visitorId).map(userId -> userId != null);
  }

  /** The id of the verified user this visitor is, or null. */
  public Future<String> verifiedUserId(String visitorId) {
    return Reactive.first(db.visitors().find(eq("_id", visitorId)).projection(new Document("verifiedUserId", 1)).first())
        .map(d -> d == null ? null : d.getString("verifiedUserId"));
  }

  public Future<Void> setContact(String visitorId, String name, String email) {
    var updates = new java.util.ArrayList<org.bson.conversions.Bson>();
    if (name != null) {
      updates.add(Updates.set("name", name));
    }
    if (email != null) {
      updates.add(Updates.set("email", email));
    }
    if (updates.isEmpty()) {
      return Future.succeededFuture();
    }
    return Reactive.first(db.visitors().updateOne(eq("_id", visitorId), Updates.combine(updates))).mapEmpty();
  }

  static Visitor toVisitor(Document d) {
    if (d == null) {
      return null;
    }
    return new Visitor(
        d.getString("_id"),
        d.getString("siteKey"),
        d.getString("name"),
        d.getString("email"),
        d.getString("userAgent"),
        Dates.toInstant(d.getDate("createdAt")),
        Dates.toInstant(d.getDate("lastSeenAt")),
        d.getInteger("visits", 1),
        d.getInteger("pageCount", 0),
        toPage(d.get("currentPage", Document.class)),
        d.getList("pages", Document.class, List.of()).stream().map(Visitors::toPage).toList(),
        Dates.toInstant(d.getDate("lastOfferAt")),
        Dates.toInstant(d.getDate("offerDismissedAt")));
  }

  private static Visitor.PageVisit toPage(Document p) {
    return p == null ? null : new Visitor.PageVisit(p.getString("url"), p.getString("title"), Dates.toInstant(p.getDate("at")));
  }
}
