package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Indexes;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.conversions.Bson;
import org.plauder.conversation.Conversation;

/**
 * A site's conversations read in bulk, with one query each time, for the export, the transcript
 * search and the reports: those created in [from, to) (null: open), optionally only one agent's.
 */
public final class SiteConversations {

  /**
   * The index their query goes by on a real MongoDB (the embedded one ignores both): of fields that
   * never change, so that a conversation changed while the query runs comes exactly once. Going by
   * the index on status instead, the planner's other choice, a chat closed meanwhile could come
   * twice and one assigned meanwhile not at all.
   */
  static final Bson INDEX = Indexes.ascending("siteKey", "createdAt");

  private final Database db;

  SiteConversations(Database db) {
    this.db = db;
  }

  /**
   * All of them, in no particular order, handed to {@code each} {@code pageSize} at a time as one
   * query reads them ({@link Reactive#inPages}). Asking page after page by id cost the embedded
   * database a pass over every conversation and a sort for each page: with 50,000 conversations
   * that was half of what a transcript search kept it busy with.
   */
  public Future<Void> each(String siteKey, Instant from, Instant to, String agentId, int pageSize,
      Function<List<Conversation>, Future<Void>> each) {
    return each(siteKey, from, to, agentId, pageSize, false, each);
  }

  /** As {@link #each}; with {@code readAhead}, the page after the one {@code each} works on is read meanwhile. */
  public Future<Void> each(String siteKey, Instant from, Instant to, String agentId, int pageSize, boolean readAhead,
      Function<List<Conversation>, Future<Void>> each) {
    return Reactive.inPages(db.conversations().find(and(filters(siteKey, from, to, agentId))).hint(INDEX).batchSize(pageSize),
        pageSize, readAhead, page -> each.apply(page.stream().map(Conversations::toConversation).toList()));
  }

  private static List<Bson> filters(String siteKey, Instant from, Instant to, String agentId) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq("siteKey", siteKey));
    if (from != null) {
      filters.add(gte("createdAt", Dates.toDate(from)));
    }
    if (to != null) {
      filters.add(lt("createdAt", Dates.toDate(to)));
    }
    if (agentId != null) {
      filters.add(eq("agentId", agentId));
    }
    return filters;
  }
}
