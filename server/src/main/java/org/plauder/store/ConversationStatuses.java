package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ParkedStore;
import org.plauder.conversation.SlotKind;

/**
 * E-mail conversations parked and woken, in the conversations collection: the status and, while
 * snoozed, {@code snoozedUntil}. A parked conversation gives up the visitor's open-chat claim
 * ({@code OpenChats}) like a closed one and claims it again when it opens.
 */
public final class ConversationStatuses implements ParkedStore {

  private final Database db;
  private final OpenChats open;

  public ConversationStatuses(Database db) {
    this.db = db;
    this.open = new OpenChats(db);
  }

  @Override
  public Future<Parked> park(String id, String agentId, ConversationStatus from, ConversationStatus to, Instant until) {
    Bson set = to == ConversationStatus.SNOOZED ? Updates.set("snoozedUntil", Dates.toDate(until)) : Updates.unset("snoozedUntil");
    return update(and(eq("_id", id), eq("status", from.wire()), eq("agentId", agentId)),
        Updates.combine(Updates.set("status", to.wire()), set))
        .compose(d -> d == null ? Future.<Parked>succeededFuture()
            : open.release(d.getString("visitorId"), id).map(v -> parked(d)));
  }

  @Override
  public Future<Conversation> wake(String id, String agentId, ConversationStatus from, Instant snoozedUntil, SlotKind slot) {
    return update(parkedFilter(id, from, snoozedUntil, agentId), Updates.combine(
            Updates.set("status", ConversationStatus.ACTIVE.wire()), Updates.unset("snoozedUntil"), Updates.set("slot", slot.wire())))
        .compose(this::reclaim);
  }

  @Override
  public Future<Conversation> requeue(String id, ConversationStatus from, Instant snoozedUntil, long ticket) {
    return update(parkedFilter(id, from, snoozedUntil, null), Updates.combine(
            Updates.set("status", ConversationStatus.QUEUED.wire()), Updates.unset("snoozedUntil"),
            Updates.set("queueTicket", ticket), Updates.set("agentId", null), Updates.set("agentName", null),
            Updates.set("assignedAt", null)))
        .compose(this::reclaim)
        .compose(c -> c == null ? Future.<Conversation>succeededFuture() : open.enqueue(c, ticket).map(c));
  }

  @Override
  public Future<Conversation> resolve(String id, String agentId, ConversationStatus from, Instant now) {
    return update(and(eq("_id", id), eq("status", from.wire()), eq("agentId", agentId)), Updates.combine(
            Updates.set("status", ConversationStatus.CLOSED.wire()), Updates.unset("snoozedUntil"),
            Updates.set("closedAt", Dates.toDate(now)), Updates.set("closedBy", "agent")))
        .map(ConversationDocs::toConversation);
  }

  @Override
  public Future<List<Parked>> parkedOf(String agentId) {
    return Reactive.list(db.conversations().find(and(eq("agentId", agentId),
            com.mongodb.client.model.Filters.in("status", ConversationStatus.PENDING.wire(), ConversationStatus.SNOOZED.wire())))
            .sort(Sorts.ascending("assignedAt")))
        .map(list -> list.stream().map(ConversationStatuses::parked).toList());
  }

  @Override
  public Future<List<Parked>> parkedOfSite(String siteKey, int limit) {
    return Reactive.list(db.conversations().find(and(eq("siteKey", siteKey),
            com.mongodb.client.model.Filters.in("status", ConversationStatus.PENDING.wire(), ConversationStatus.SNOOZED.wire())))
            .sort(Sorts.ascending("assignedAt")).limit(limit))
        .map(list -> list.stream().map(ConversationStatuses::parked).toList());
  }

  @Override
  public Future<List<Parked>> snoozed() {
    return Reactive.list(db.conversations().find(eq("status", ConversationStatus.SNOOZED.wire())))
        .map(list -> list.stream().map(ConversationStatuses::parked).toList());
  }

  @Override
  public Future<Instant> snoozedUntil(String id) {
    return Reactive.first(db.conversations().find(and(eq("_id", id), eq("status", ConversationStatus.SNOOZED.wire())))
            .projection(Projections.include("snoozedUntil")).first())
        .map(d -> d == null ? null : Dates.toInstant(d.getDate("snoozedUntil")));
  }

  private static Bson parkedFilter(String id, ConversationStatus from, Instant snoozedUntil, String agentId) {
    Document filter = new Document("_id", id).append("status", from.wire());
    if (snoozedUntil != null) {
      filter.append("snoozedUntil", Dates.toDate(snoozedUntil));
    }
    if (agentId != null) {
      filter.append("agentId", agentId);
    }
    return filter;
  }

  private Future<Document> update(Bson filter, Bson update) {
    return Reactive.first(db.conversations().findOneAndUpdate(filter, update,
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
  }

  /** The visitor's open-chat claim again, unless another conversation of the visitor holds it now. */
  private Future<Conversation> reclaim(Document d) {
    if (d == null) {
      return Future.succeededFuture(null);
    }
    Conversation c = ConversationDocs.toConversation(d);
    return open.claim(c.visitorId(), c.id()).map(claimed -> c);
  }

  private static Parked parked(Document d) {
    return new Parked(ConversationDocs.toConversation(d), Dates.toInstant(d.getDate("snoozedUntil")));
  }
}
