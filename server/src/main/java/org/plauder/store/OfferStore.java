package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.plauder.offer.OfferOutcome;
import org.plauder.offer.OfferRule;
import org.plauder.offer.OfferSettings;

/** A site's offer rules (kept in the site document) and how often each was shown, accepted, dismissed. */
public final class OfferStore {

  private final Database db;

  public OfferStore(Database db) {
    this.db = db;
  }

  public Future<OfferSettings> settings(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).first()).map(site -> {
      if (site == null) {
        return new OfferSettings(List.of(), OfferSettings.DEFAULT_COOLDOWN_MINUTES);
      }
      List<OfferRule> rules = new ArrayList<>();
      for (Document d : site.getList("offerRules", Document.class, List.of())) {
        rules.add(toRule(d));
      }
      return new OfferSettings(rules, site.getInteger("offerCooldownMinutes", OfferSettings.DEFAULT_COOLDOWN_MINUTES));
    });
  }

  public Future<Void> save(String siteKey, OfferSettings settings) {
    List<Document> rules = settings.rules().stream().map(OfferStore::toDocument).toList();
    return Reactive.first(db.sites().updateOne(eq("_id", siteKey), Updates.combine(
        Updates.set("offerRules", rules), Updates.set("offerCooldownMinutes", settings.cooldownMinutes())))).mapEmpty();
  }

  /**
   * Counts an offer's outcome: in the rule's running totals, and as a dated event so that
   * reports can count offers within a date range.
   */
  public Future<Void> count(String siteKey, String ruleId, OfferOutcome outcome, Instant at) {
    String field = outcome.wire();
    Document event = new Document("_id", Ids.newId()).append("siteKey", siteKey).append("ruleId", ruleId)
        .append("outcome", field).append("at", Dates.toDate(at));
    return Future.all(
        Reactive.first(db.offerStats().updateOne(eq("_id", siteKey + ":" + ruleId),
            Updates.combine(Updates.setOnInsert("siteKey", siteKey), Updates.setOnInsert("ruleId", ruleId), Updates.inc(field, 1)),
            new UpdateOptions().upsert(true))),
        Reactive.first(db.offerEvents().insertOne(event))).mapEmpty();
  }

  /**
   * Counts an offer as shown once, however many tabs and pages display it: its dated event is
   * keyed by the offer's id, so a second count is refused by the unique id and adds nothing.
   */
  public Future<Void> countShownOnce(String siteKey, String ruleId, String offerId, Instant at) {
    String field = OfferOutcome.SHOWN.wire();
    Document event = new Document("_id", offerId + ":" + field).append("siteKey", siteKey).append("ruleId", ruleId)
        .append("outcome", field).append("at", Dates.toDate(at));
    return Reactive.first(db.offerEvents().insertOne(event))
        .compose(first -> Reactive.first(db.offerStats().updateOne(eq("_id", siteKey + ":" + ruleId),
            Updates.combine(Updates.setOnInsert("siteKey", siteKey), Updates.setOnInsert("ruleId", ruleId), Updates.inc(field, 1)),
            new UpdateOptions().upsert(true))).<Void>mapEmpty())
        .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture() : Future.failedFuture(e));
  }

  /** How many offers of the site were shown, accepted and dismissed in [from, to). */
  public Future<Map<OfferOutcome, Long>> countsBetween(String siteKey, Instant from, Instant to) {
    Map<OfferOutcome, Future<Long>> counts = new EnumMap<>(OfferOutcome.class);
    for (OfferOutcome o : OfferOutcome.values()) {
      counts.put(o, Reactive.first(db.offerEvents().countDocuments(com.mongodb.client.model.Filters.and(
          eq("siteKey", siteKey), eq("outcome", o.wire()),
          com.mongodb.client.model.Filters.gte("at", Dates.toDate(from)), com.mongodb.client.model.Filters.lt("at", Dates.toDate(to))))));
    }
    return Future.all(List.copyOf(counts.values())).map(v -> {
      Map<OfferOutcome, Long> result = new EnumMap<>(OfferOutcome.class);
      counts.forEach((outcome, count) -> result.put(outcome, count.result()));
      return result;
    });
  }

  /** ruleId → how often each outcome happened, for the site. */
  public Future<Map<String, Map<OfferOutcome, Integer>>> stats(String siteKey) {
    return Reactive.list(db.offerStats().find(eq("siteKey", siteKey))).map(list -> {
      Map<String, Map<OfferOutcome, Integer>> byRule = new LinkedHashMap<>();
      for (Document d : list) {
        Map<OfferOutcome, Integer> counts = new EnumMap<>(OfferOutcome.class);
        for (OfferOutcome o : OfferOutcome.values()) {
          counts.put(o, d.getInteger(o.wire(), 0));
        }
        byRule.put(d.getString("ruleId"), counts);
      }
      return byRule;
    });
  }

  static Document toDocument(OfferRule r) {
    return new Document("id", r.id())
        .append("name", r.name())
        .append("enabled", r.enabled())
        .append("minSecondsOnPage", r.minSecondsOnPage())
        .append("minSecondsOnSite", r.minSecondsOnSite())
        .append("urlPattern", r.urlPattern())
        .append("minPagesSeen", r.minPagesSeen())
        .append("returning", r.returning())
        .append("language", r.language())
        .append("messages", new Document(new LinkedHashMap<>(r.messages())));
  }

  static OfferRule toRule(Document d) {
    Map<String, String> messages = new LinkedHashMap<>();
    Document m = d.get("messages", Document.class);
    if (m != null) {
      m.forEach((lang, text) -> messages.put(lang, String.valueOf(text)));
    }
    return new OfferRule(d.getString("id"), d.getString("name"), d.getBoolean("enabled", true),
        d.getInteger("minSecondsOnPage"), d.getInteger("minSecondsOnSite"), d.getString("urlPattern"),
        d.getInteger("minPagesSeen"), d.getBoolean("returning"), d.getString("language"), messages);
  }
}
