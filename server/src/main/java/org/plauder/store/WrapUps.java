package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plauder.conversation.WrapUp;
import org.plauder.conversation.WrapUpStore;

/**
 * Tags ({@code tags}, an array) and the visitor's rating comment ({@code ratingComment}) on the
 * conversations' own documents: they go wherever the conversation goes (retention, erasure).
 */
public final class WrapUps implements WrapUpStore {

  /** How many tagged conversations the site-wide suggestions are counted from (the newest). */
  static final int SUGGESTIONS_FROM = 5000;

  private static final Bson FIELDS = Projections.include("tags", "ratingComment");

  private final Database db;

  public WrapUps(Database db) {
    this.db = db;
  }

  @Override
  public Future<WrapUp> of(String conversationId) {
    return Reactive.first(db.conversations().find(eq("_id", conversationId)).projection(FIELDS).first())
        .map(d -> d == null ? WrapUp.none(conversationId) : toWrapUp(d));
  }

  @Override
  public Future<List<String>> addTag(String conversationId, String tag, int limit) {
    // "tags.<limit-1>" missing: fewer than limit tags (also none at all); one document, one update, so it is exact.
    Bson roomAndNew = and(eq("_id", conversationId), ne("tags", tag), exists("tags." + (limit - 1), false));
    return Reactive.done(db.conversations().updateOne(roomAndNew, Updates.push("tags", tag)))
        .compose(v -> of(conversationId)).map(WrapUp::tags);
  }

  @Override
  public Future<List<String>> removeTag(String conversationId, String tag) {
    return Reactive.done(db.conversations().updateOne(eq("_id", conversationId), Updates.pull("tags", tag)))
        .compose(v -> of(conversationId)).map(WrapUp::tags);
  }

  @Override
  public Future<Void> setRatingComment(String conversationId, String comment) {
    return Reactive.done(db.conversations().updateOne(eq("_id", conversationId), Updates.set("ratingComment", comment)));
  }

  @Override
  public Future<Map<String, Integer>> tagsInUse(String siteKey) {
    return Reactive.list(db.conversations().find(and(eq("siteKey", siteKey), exists("tags"))).projection(FIELDS)
        .sort(Sorts.descending("createdAt")).limit(SUGGESTIONS_FROM)).map(docs -> {
          Map<String, Integer> counts = new LinkedHashMap<>();
          docs.forEach(d -> toWrapUp(d).tags().forEach(tag -> counts.merge(tag, 1, Integer::sum)));
          return counts;
        });
  }

  @Override
  public Future<List<String>> tagged(String siteKey, String tag, int limit) {
    return Reactive.list(db.conversations().find(and(eq("siteKey", siteKey), eq("tags", tag))).projection(Projections.include("_id"))
        .sort(Sorts.descending("createdAt")).limit(limit)).map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
  }

  @Override
  public Future<Map<String, WrapUp>> ofSite(String siteKey, Instant from, Instant to) {
    Bson filter = and(eq("siteKey", siteKey), gte("createdAt", Dates.toDate(from)), lt("createdAt", Dates.toDate(to)),
        or(exists("tags"), exists("ratingComment")));
    return Reactive.list(db.conversations().find(filter).projection(FIELDS)).map(docs -> {
      Map<String, WrapUp> byId = new LinkedHashMap<>();
      docs.forEach(d -> byId.put(d.getString("_id"), toWrapUp(d)));
      return byId;
    });
  }

  private static WrapUp toWrapUp(Document d) {
    return new WrapUp(d.getString("_id"), d.getList("tags", String.class), d.getString("ratingComment"));
  }
}
