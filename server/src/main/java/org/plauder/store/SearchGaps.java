package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.plauder.help.UnansweredQuestions;

/**
 * Unanswered questions, one document per site and question ({@code _id} site key and question),
 * counted with one upsert each: exact-key writes, which the embedded database keeps atomic.
 */
public final class SearchGaps implements UnansweredQuestions {

  private final Database db;

  public SearchGaps(Database db) {
    this.db = db;
  }

  @Override
  public Future<Void> record(String siteKey, String question, Instant at) {
    String normalized = UnansweredQuestions.normalize(question);
    if (normalized.isEmpty()) {
      return Future.succeededFuture();
    }
    String id = siteKey + "\n" + normalized;
    return Reactive.first(db.searchGaps().updateOne(eq("_id", id),
            Updates.combine(Updates.inc("count", 1L), Updates.set("lastAsked", Dates.toDate(at)))))
        .compose(result -> result.getMatchedCount() == 1 ? Future.<Void>succeededFuture()
            : Reactive.first(db.searchGaps().countDocuments(eq("siteKey", siteKey))).compose(known -> known >= MAX_PER_SITE
                ? Future.<Void>succeededFuture()
                : Reactive.done(db.searchGaps().updateOne(and(eq("_id", id), eq("siteKey", siteKey)),
                    Updates.combine(Updates.inc("count", 1L), Updates.set("lastAsked", Dates.toDate(at)),
                        Updates.setOnInsert("question", normalized)),
                    new UpdateOptions().upsert(true)))));
  }

  @Override
  public Future<List<Unanswered>> mostAsked(String siteKey, int limit) {
    return Reactive.list(db.searchGaps().find(eq("siteKey", siteKey)).sort(Sorts.descending("count")).limit(limit))
        .map(docs -> docs.stream().map(d -> new Unanswered(d.getString("question"), ((Number) d.get("count")).longValue(),
            Dates.toInstant(d.get("lastAsked", Date.class)))).toList());
  }
}
