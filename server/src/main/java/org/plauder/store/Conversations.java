package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.SlotKind;

/** Conversations in MongoDB; every state change is one conditional update, safe across nodes. */
public final class Conversations implements ConversationStore {

  /** More waiting chats than any queue view shows. */
  private static final int MAX_QUEUE = 1000;
  private static final List<String> OPEN = List.of(ConversationStatus.QUEUED.wire(), ConversationStatus.ACTIVE.wire());

  private final Database db;
  private final QueueTickets tickets = new QueueTickets(Clock.systemUTC());
  private final OpenChats open;
  private final RoutingLog routing;
  private final Whispers whispers;
  private final AgentReadMarks readMarks;

  public Conversations(Database db) {
    this.db = db;
    this.open = new OpenChats(db);
    this.routing = new RoutingLog(db);
    this.whispers = new Whispers(db);
    this.readMarks = new AgentReadMarks(db);
  }

  /** Restores the open-chat and queue entries from the conversations; run at start-up. */
  public Future<Void> rebuildRoutingEntries() {
    return open.rebuild(OPEN, ConversationStatus.QUEUED.wire());
  }

  @Override
  public Future<Conversation> openQueued(String siteKey, String visitorId, long queueTicket, String visitorName,
      String visitorEmail, ChatNeeds needs, Instant now, String channel, boolean listed) {
    return openQueued(ConversationDocs.document(Ids.newId(), siteKey, visitorId, ConversationStatus.QUEUED, queueTicket, visitorName,
        visitorEmail, needs, now, channel), listed);
  }

  /** As above, the queued conversation this document describes (an e-mail follow-up's carries {@code follows}; a held chat's ticket 0). */
  Future<Conversation> openQueued(Document doc, boolean listed) {
    // The conversation first, then the claim, then the queue entry: a claim always points at a
    // stored conversation, and a crash in between leaves a queued chat that the start-up rebuild
    // gives its entries back. The tab that loses the claim removes its never-announced conversation.
    return insert(doc).compose(created -> open.claim(created.visitorId(), created.id()).compose(claimed -> !claimed
        ? Reactive.done(db.conversations().deleteOne(eq("_id", created.id()))).map(v -> null)
        : listed ? enqueue(created).map(v -> created) : Future.succeededFuture(created)));
  }

  @Override
  public Future<Void> enqueue(Conversation c) {
    return open.enqueue(c, c.queueTicket());
  }

  @Override
  public Future<Long> nextQueueTicket(String siteKey) {
    return Future.succeededFuture(tickets.next());
  }

  @Override
  public Future<Conversation> insertLeftMessage(String siteKey, String visitorId, String clientMsgId, String visitorName,
      String visitorEmail, Instant now) {
    String id = Ids.derivedFrom("left-message", visitorId, clientMsgId);
    return insert(ConversationDocs.document(id, siteKey, visitorId, ConversationStatus.OFFLINE, 0, visitorName, visitorEmail,
            ChatNeeds.NONE, now, Conversation.CHAT))
        .recover(e -> e instanceof AlreadyExists ? find(id) : Future.failedFuture(e));
  }

  private Future<Conversation> insert(Document doc) {
    return Reactive.first(db.conversations().insertOne(doc)).map(r -> toConversation(doc));
  }

  public Future<Conversation> find(String id) {
    return Reactive.first(db.conversations().find(eq("_id", id)).first()).map(Conversations::toConversation);
  }

  /** The visitor's queued or active conversation, or null; two exact-key reads. */
  @Override
  public Future<Conversation> findOpenOfVisitor(String visitorId) {
    return open.ofVisitor(visitorId).compose(id -> id == null ? Future.succeededFuture(null) : find(id).compose(c -> {
      if (c != null && c.isOpen()) {
        return Future.succeededFuture(c);
      }
      return open.release(visitorId, id).map(v -> null);
    }));
  }

  /** The visitor's most recent conversation of any status, or null. */
  public Future<Conversation> findLatestOfVisitor(String visitorId) {
    return Reactive.first(db.conversations().find(eq("visitorId", visitorId))
            .sort(Sorts.descending("createdAt")).first())
        .map(Conversations::toConversation);
  }

  /** The site's queued conversations in arrival order, read through the queue's entries. */
  @Override
  public Future<List<Conversation>> queuedOfSite(String siteKey) {
    return open.waitingChats(siteKey, MAX_QUEUE);
  }

  @Override
  public Future<List<QueuedChat>> queueHeads(String siteKey, int limit) {
    return open.entries(siteKey, limit);
  }

  public Future<List<Conversation>> activeOfAgent(String agentId) {
    return Reactive.list(db.conversations().find(and(eq("agentId", agentId), eq("status", ConversationStatus.ACTIVE.wire())))
            .sort(Sorts.ascending("assignedAt")))
        .map(list -> list.stream().map(Conversations::toConversation).toList());
  }

  @Override
  public Future<Map<String, Holding>> activeByAgent() {
    // Counted here rather than with $group: the embedded database logs a warning for every
    // aggregation the driver sends, and this runs every audit period.
    return Reactive.list(db.conversations().find(eq("status", ConversationStatus.ACTIVE.wire()))
            .projection(Projections.include("agentId", "channel", "slot")))
        .map(active -> active.stream().filter(d -> d.getString("agentId") != null).collect(Collectors.toMap(d -> d.getString("agentId"),
            d -> Holding.of(d.getString("channel"), SlotKind.fromWire(d.getString("slot"))), Holding::plus)));
  }

  public Future<List<Conversation>> ofSite(String siteKey, ConversationStatus status, int limit) {
    return Reactive.list(db.conversations().find(and(eq("siteKey", siteKey), eq("status", status.wire())))
            .sort(Sorts.descending("createdAt")).limit(limit))
        .map(list -> list.stream().map(Conversations::toConversation).toList());
  }

  /** Queued → active with this agent, in the slot claimed for it; null when the conversation was no longer queued. */
  public Future<Conversation> activate(String id, String agentId, String agentName, SlotKind slot, Instant now, boolean listed) {
    return Reactive.first(db.conversations().findOneAndUpdate(
            and(eq("_id", id), eq("status", ConversationStatus.QUEUED.wire())),
            Updates.combine(
                Updates.set("status", ConversationStatus.ACTIVE.wire()),
                Updates.set("agentId", agentId),
                Updates.set("agentName", agentName),
                Updates.set("slot", slot.wire()),
                Updates.set("assignedAt", Dates.toDate(now))),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(Conversations::toConversation)
        // Assigned or not queued at all (then its entry, if any, is stale): either way it leaves the queue.
        .compose(assigned -> listed ? open.dequeue(id).map(v -> assigned) : Future.succeededFuture(assigned));
  }

  /** Active with {@code c}'s agent in {@code c}'s slot (none written: none) → active with {@code toAgent} in {@code slot}. */
  public Future<Conversation> reassign(Conversation c, String toAgent, String toAgentName, SlotKind slot, boolean unansweredOnly) {
    Document filter = new Document("_id", c.id()).append("status", ConversationStatus.ACTIVE.wire()).append("agentId", c.agentId())
        .append("slot", c.slot() == null ? null : c.slot().wire());
    if (unansweredOnly) {
      filter.append("firstAgentReplyAt", null);
    }
    return Reactive.first(db.conversations().findOneAndUpdate(filter,
            Updates.combine(Updates.set("agentId", toAgent), Updates.set("agentName", toAgentName), Updates.set("slot", slot.wire())),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(Conversations::toConversation);
  }

  /** Active with {@code agentId} → queued again, keeping its place (ticket) and its slot (to give back); null when that no longer holds. */
  public Future<Conversation> requeue(String id, String agentId) {
    return Reactive.first(db.conversations().findOneAndUpdate(
            and(eq("_id", id), eq("status", ConversationStatus.ACTIVE.wire()), eq("agentId", agentId)),
            Updates.combine(
                Updates.set("status", ConversationStatus.QUEUED.wire()),
                Updates.set("agentId", null),
                Updates.set("agentName", null),
                Updates.set("assignedAt", null)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .compose(d -> d == null ? Future.succeededFuture(null)
            : open.enqueue(toConversation(d), ((Number) d.get("queueTicket")).longValue(), d.get("card", Document.class))
                .map(v -> toConversation(d)));
  }

  /** Closes an open conversation; returns it as it was before closing, or null when it was not open. */
  public Future<Conversation> close(String id, String closedBy, Instant now) {
    return Reactive.first(db.conversations().findOneAndUpdate(
            and(eq("_id", id), in("status", OPEN)),
            Updates.combine(
                Updates.set("status", ConversationStatus.CLOSED.wire()),
                Updates.set("closedAt", Dates.toDate(now)),
                Updates.set("closedBy", closedBy)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
        .map(Conversations::toConversation)
        // Only a queued chat has a queue entry (one an assignment failed to drop, the next drain drops).
        .compose(before -> before == null ? Future.succeededFuture(null) : Future.all(open.release(before.visitorId(), id),
            before.status() == ConversationStatus.QUEUED ? open.dequeue(id) : Future.succeededFuture()).map(v -> before));
  }

  public Future<Void> recordSeq(String id, long seq) {
    return Reactive.first(db.conversations().updateOne(eq("_id", id), Updates.max("lastSeq", seq))).mapEmpty();
  }

  public Future<Void> recordFirstAgentReply(String id, Instant now) {
    return Reactive.first(db.conversations().updateOne(and(eq("_id", id), eq("firstAgentReplyAt", null)),
        Updates.set("firstAgentReplyAt", Dates.toDate(now)))).mapEmpty();
  }

  public Future<Void> rate(String id, int rating) {
    return Reactive.first(db.conversations().updateOne(eq("_id", id), Updates.set("rating", rating))).mapEmpty();
  }

  /** The site's conversations read in bulk: for the export, the transcript search and the reports. */
  public SiteConversations bySite() {
    return new SiteConversations(db);
  }

  public Future<List<Conversation>> ofVisitor(String visitorId) {
    return Reactive.list(db.conversations().find(eq("visitorId", visitorId)).sort(Sorts.descending("createdAt")))
        .map(list -> list.stream().map(Conversations::toConversation).toList());
  }

  /** The site's ended conversations (closed or left as offline messages) that ended before {@code before}: id to last seq. */
  public Future<Map<String, Long>> endedBefore(String siteKey, Instant before, int limit) {
    var closed = and(eq("siteKey", siteKey), eq("status", ConversationStatus.CLOSED.wire()), lt("closedAt", Dates.toDate(before)));
    var offline = and(eq("siteKey", siteKey), eq("status", ConversationStatus.OFFLINE.wire()), lt("createdAt", Dates.toDate(before)));
    return Reactive.list(db.conversations().find(com.mongodb.client.model.Filters.or(closed, offline))
            .projection(new Document("_id", 1).append("lastSeq", 1)).limit(limit))
        .map(list -> list.stream().collect(Collectors.toMap(d -> d.getString("_id"),
            d -> d.get("lastSeq") instanceof Number n ? n.longValue() : 0L, (a, b) -> a, LinkedHashMap::new)));
  }

  public Future<Long> deleteByIds(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    // what hangs off a conversation goes with it: routing steps, whispers, notes, e-mail thread, the bot's first answer
    return routing.deleteOf(ids).compose(v -> whispers.deleteOf(ids)).compose(v -> Notes.deleteOf(db, ids)).compose(v -> MailThreads.deleteOf(db, ids))
        .compose(v -> Reactive.done(db.botAnswers().deleteMany(in("_id", ids)))).compose(v -> readMarks.deleteOf(ids))
        .compose(v -> Reactive.first(db.conversations().deleteMany(in("_id", ids)))).map(r -> r.getDeletedCount());
  }

  /** How far each conversation's agent has read; deleted with its conversation. */
  public AgentReadMarks readMarks() {
    return readMarks;
  }

  /** What agents whispered in each conversation; deleted with its conversation. */
  public Whispers whispers() {
    return whispers;
  }

  /** Each conversation's one transcript e-mail. */
  public TranscriptEmailClaims transcriptEmails() {
    return new TranscriptEmailClaims(db);
  }

  /** The tags and rating comments on these documents. */
  public WrapUps wrapUps() {
    return new WrapUps(db);
  }

  /** How each conversation was routed; deleted with its conversation. */
  public RoutingLog routing() {
    return routing;
  }

  static Conversation toConversation(Document d) {
    return ConversationDocs.toConversation(d);
  }
}
