package org.plauder.visitor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import org.plauder.event.SharedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.plauder.offer.Offer;

/**
 * Visitors online now: ephemeral, so never in the database. One entry per visitor while any of
 * its tabs is connected, in a Vert.x shared map — this node's memory on a single node, the
 * cluster manager's map on several. On a cluster an entry lives {@link #CLUSTER_TTL} unless the
 * node holding the visitor refreshes it, so a node that dies takes its visitors offline within a
 * minute; on one node nothing needs refreshing. Conditional changes (an offer opened only if none
 * is open) are compare-and-set loops on the entry, safe across nodes.
 */
public final class OnlineVisitors {

  static final Duration CLUSTER_TTL = Duration.ofSeconds(60);
  private static final int MAX_ATTEMPTS = 32;

  private final SharedMap<String, String> map;
  private final boolean clustered;

  public OnlineVisitors(Vertx vertx) {
    this.map = SharedMap.of(vertx, "plauder.onlineVisitors");
    this.clustered = vertx.isClustered();
  }

  public Future<OnlineVisitor> find(String visitorId) {
    return map.use(m -> m.get(visitorId)).map(OnlineVisitors::decode);
  }

  /** The visitor came online (first tab); a visitor already online keeps its page and onlineSince. */
  public Future<Void> online(String visitorId, String siteKey, boolean returning, String name, Instant now) {
    return upsert(visitorId,
        () -> new OnlineVisitor(visitorId, siteKey, name, null, null, null, now, now, 0, returning, null, now),
        v -> new OnlineVisitor(v.id(), v.siteKey(), name, v.url(), v.title(), v.language(), v.pageSince(), v.onlineSince(),
            v.pagesSeen(), returning, v.openOffer(), now)).mapEmpty();
  }

  /**
   * The visitor opened a page; returns the visitor as it is now. Whether it is a returning visitor
   * is {@link #online}'s to say (from its stored visits, when its socket opened): a page view that
   * comes first makes an entry that counts it as new until then.
   */
  public Future<OnlineVisitor> pageView(String visitorId, String siteKey, String url, String title, String language, Instant now) {
    return upsert(visitorId,
        () -> new OnlineVisitor(visitorId, siteKey, null, url, title, language, now, now, 1, false, null, now),
        v -> new OnlineVisitor(v.id(), v.siteKey(), v.name(), url, title, language, now, v.onlineSince(), v.pagesSeen() + 1,
            v.returning(), v.openOffer(), now));
  }

  /** The name a visitor gave when starting a chat, for the live-visitors list. */
  public Future<Void> setName(String visitorId, String name) {
    return change(visitorId, v -> new OnlineVisitor(v.id(), v.siteKey(), name, v.url(), v.title(), v.language(),
        v.pageSince(), v.onlineSince(), v.pagesSeen(), v.returning(), v.openOffer(), v.lastSeenAt())).mapEmpty();
  }

  public Future<Void> remove(String visitorId) {
    return map.use(m -> m.remove(visitorId)).mapEmpty();
  }

  /** On a cluster: keeps the entries of the visitors this node holds alive for another {@link #CLUSTER_TTL}. */
  public Future<Void> refresh(List<String> visitorIds) {
    if (!clustered) {
      return Future.succeededFuture();
    }
    return map.use(m -> Future.all(visitorIds.stream()
        .map(id -> m.get(id).compose(value -> value == null ? Future.succeededFuture() : m.put(id, value, CLUSTER_TTL.toMillis())))
        .toList())).mapEmpty();
  }

  /** The site's visitors online now, most recent page first. */
  public Future<List<OnlineVisitor>> ofSite(String siteKey) {
    return map.use(AsyncMap::values).map(values -> values.stream()
        .map(OnlineVisitors::decode)
        .filter(v -> v.siteKey().equals(siteKey))
        .sorted(Comparator.comparing(OnlineVisitor::pageSince, Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
        .toList());
  }

  /** Opens an offer unless one is open already; false when one was (or the visitor is not online). */
  public Future<Boolean> openOffer(String visitorId, Offer offer) {
    return change(visitorId, v -> v.openOffer() != null ? null : withOffer(v, offer)).map(changed -> changed != null);
  }

  /** Takes away whatever offer is open; returns it, or null when none was. */
  public Future<Offer> clearOffer(String visitorId) {
    return takeWhere(visitorId, offer -> true);
  }

  /** Takes the open offer with that id away (accepted or dismissed); null when it is not the open one. */
  public Future<Offer> takeOffer(String visitorId, String offerId) {
    return takeWhere(visitorId, offer -> offer.id().equals(offerId));
  }

  private Future<Offer> takeWhere(String visitorId, java.util.function.Predicate<Offer> which) {
    Offer[] taken = new Offer[1];
    return change(visitorId, v -> {
      taken[0] = v.openOffer() != null && which.test(v.openOffer()) ? v.openOffer() : null;
      return taken[0] == null ? null : withOffer(v, null);
    }).map(changed -> changed == null ? null : taken[0]);
  }

  private static OnlineVisitor withOffer(OnlineVisitor v, Offer offer) {
    return new OnlineVisitor(v.id(), v.siteKey(), v.name(), v.url(), v.title(), v.language(), v.pageSince(), v.onlineSince(),
        v.pagesSeen(), v.returning(), offer, v.lastSeenAt());
  }

  /** Applies {@code update} to a present entry; null when absent or when {@code update} declines (returns null). */
  private Future<OnlineVisitor> change(String visitorId, UnaryOperator<OnlineVisitor> update) {
    return map.use(m -> change(m, visitorId, update, 0));
  }

  private Future<OnlineVisitor> change(AsyncMap<String, String> m, String visitorId, UnaryOperator<OnlineVisitor> update,
      int attempt) {
    return m.get(visitorId).compose(current -> {
      OnlineVisitor next = current == null ? null : update.apply(decode(current));
      if (next == null) {
        return Future.succeededFuture(null);
      }
      return replace(m, visitorId, current, encode(next)).compose(done -> done ? Future.succeededFuture(next)
          : attempt < MAX_ATTEMPTS ? change(m, visitorId, update, attempt + 1)
          : Future.failedFuture(new IllegalStateException("presence of " + visitorId + " kept changing")));
    });
  }

  /** Creates the entry, or applies {@code update} to the one there; retried when another node changed it meanwhile. */
  private Future<OnlineVisitor> upsert(String visitorId, java.util.function.Supplier<OnlineVisitor> create,
      UnaryOperator<OnlineVisitor> update) {
    return map.use(m -> upsert(m, visitorId, create, update, 0));
  }

  private Future<OnlineVisitor> upsert(AsyncMap<String, String> m, String visitorId,
      java.util.function.Supplier<OnlineVisitor> create, UnaryOperator<OnlineVisitor> update, int attempt) {
    return m.get(visitorId).compose(current -> {
      OnlineVisitor next = current == null ? create.get() : update.apply(decode(current));
      Future<Boolean> written = current == null
          ? putIfAbsent(m, visitorId, encode(next)).map(previous -> previous == null)
          : replace(m, visitorId, current, encode(next));
      return written.compose(done -> done ? Future.succeededFuture(next)
          : attempt < MAX_ATTEMPTS ? upsert(m, visitorId, create, update, attempt + 1)
          : Future.failedFuture(new IllegalStateException("presence of " + visitorId + " kept changing")));
    });
  }

  private Future<String> putIfAbsent(AsyncMap<String, String> m, String key, String value) {
    return clustered ? m.putIfAbsent(key, value, CLUSTER_TTL.toMillis()) : m.putIfAbsent(key, value);
  }

  /**
   * The cluster manager's map has no compare-and-set with a time to live (Vert.x answers
   * UnsupportedOperationException); the entry's time to live is set again by the next {@link #refresh}.
   */
  private Future<Boolean> replace(AsyncMap<String, String> m, String key, String current, String next) {
    return m.replaceIfPresent(key, current, next);
  }

  static String encode(OnlineVisitor v) {
    Offer o = v.openOffer();
    return new JsonObject()
        .put("id", v.id()).put("siteKey", v.siteKey()).put("name", v.name())
        .put("url", v.url()).put("title", v.title()).put("language", v.language())
        .put("pageSince", nanos(v.pageSince())).put("onlineSince", nanos(v.onlineSince())).put("pagesSeen", v.pagesSeen())
        .put("returning", v.returning()).put("lastSeenAt", nanos(v.lastSeenAt()))
        .put("offer", o == null ? null : new JsonObject().put("id", o.id()).put("ruleId", o.ruleId()).put("text", o.text())
            .put("from", o.from()).put("agentId", o.agentId()))
        .encode();
  }

  static OnlineVisitor decode(String json) {
    if (json == null) {
      return null;
    }
    JsonObject j = new JsonObject(json);
    JsonObject o = j.getJsonObject("offer");
    Offer offer = o == null ? null
        : new Offer(o.getString("id"), o.getString("ruleId"), o.getString("text"), o.getString("from"), o.getString("agentId"));
    return new OnlineVisitor(j.getString("id"), j.getString("siteKey"), j.getString("name"), j.getString("url"),
        j.getString("title"), j.getString("language"), instant(j.getValue("pageSince")), instant(j.getValue("onlineSince")),
        j.getInteger("pagesSeen", 0), j.getBoolean("returning", false), offer, instant(j.getValue("lastSeenAt")));
  }

  /**
   * Times travel as nanoseconds since the epoch: an entry is read and written again at every page
   * view and socket, and parsing ISO text was most of what reading one cost.
   */
  private static Long nanos(Instant t) {
    return t == null ? null : Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  /** A time as {@link #nanos} writes it, or as ISO text (an entry written by a node of an earlier version). */
  private static Instant instant(Object value) {
    if (value instanceof Number n) {
      return Instant.ofEpochSecond(0, n.longValue());
    }
    return value instanceof String text ? Instant.parse(text) : null;
  }

}
