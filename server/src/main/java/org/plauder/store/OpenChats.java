package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.QueuedChat;

/**
 * Two small collections that answer routing's frequent questions by exact key instead of by
 * scanning every conversation: {@code openChats} (one document per visitor with a queued or active
 * chat, {@code _id} = visitor id, so a second chat of the same visitor is refused by the unique
 * id, however many tabs or nodes ask at once) and {@code queue} (one document per waiting chat,
 * {@code _id} = conversation id). The conversations stay the truth: an entry whose conversation is
 * no longer open or waiting is stale and removed when found, and {@link #rebuild} restores missing
 * entries from the conversations at start-up.
 */
final class OpenChats {

  private final Database db;

  OpenChats(Database db) {
    this.db = db;
  }

  /** Claims the visitor's one open chat for {@code conversationId}; false when it has one already. */
  Future<Boolean> claim(String visitorId, String conversationId) {
    return Reactive.first(db.openChats().insertOne(new Document("_id", visitorId).append("conversationId", conversationId)))
        .map(r -> true)
        .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** The id of the visitor's open chat, or null. */
  Future<String> ofVisitor(String visitorId) {
    return Reactive.first(db.openChats().find(eq("_id", visitorId)).first())
        .map(d -> d == null ? null : d.getString("conversationId"));
  }

  /** Gives the claim up, if it is still this conversation's. */
  Future<Void> release(String visitorId, String conversationId) {
    return Reactive.done(db.openChats().deleteOne(and(eq("_id", visitorId), eq("conversationId", conversationId))));
  }

  /** The chat's queue entry, with what the queue views show, so that reading the queue reads no conversation. */
  Future<Void> enqueue(Conversation c, long ticket) {
    return enqueue(c, ticket, null);
  }

  /** The same, with the {@link QueueCards card} the conversation's document has (null: none yet). */
  Future<Void> enqueue(Conversation c, long ticket, Document card) {
    Document entry = new Document("_id", c.id()).append("siteKey", c.siteKey()).append("ticket", ticket)
        .append("visitorId", c.visitorId()).append("visitorName", c.visitorName()).append("createdAt", Dates.toDate(c.createdAt()))
        .append("needs", ConversationDocs.needs(c.needs())).append("channel", c.channel());
    if (card != null) {
      entry.append("card", card);
    }
    return Reactive.done(db.queue().replaceOne(eq("_id", c.id()), entry, new ReplaceOptions().upsert(true)));
  }

  /** The site's first {@code limit} queue entries in ticket order, from the entries alone. */
  Future<List<QueuedChat>> entries(String siteKey, int limit) {
    return Reactive.list(db.queue().find(eq("siteKey", siteKey)).sort(Sorts.ascending("ticket")).limit(limit))
        .map(list -> list.stream().map(d -> new QueuedChat(d.getString("_id"), d.getString("visitorId"), d.getString("visitorName"),
            d.getDate("createdAt") == null ? null : Dates.toInstant(d.getDate("createdAt")),
            ConversationDocs.needs(d.get("needs", Document.class)), QueueCards.fromDocument(d.get("card", Document.class)),
            d.getString("channel"))).toList());
  }

  Future<Void> dequeue(String conversationId) {
    return Reactive.done(db.queue().deleteOne(eq("_id", conversationId)));
  }

  /** The ids of the site's waiting chats in ticket order (at most {@code limit}); reads only the waiting ones. */
  Future<List<String>> waiting(String siteKey, int limit) {
    return entries(siteKey, limit).map(list -> list.stream().map(QueuedChat::conversationId).toList());
  }

  /** The first {@code limit} waiting chats; entries whose chat is no longer waiting are dropped on the way. */
  Future<List<Conversation>> waitingChats(String siteKey, int limit) {
    return waiting(siteKey, limit).compose(ids -> ids.isEmpty() ? Future.succeededFuture(List.<Conversation>of())
        : Reactive.list(db.conversations().find(in("_id", ids))).compose(docs -> {
          Map<String, Conversation> byId = new HashMap<>();
          docs.forEach(d -> byId.put(d.getString("_id"), Conversations.toConversation(d)));
          List<Conversation> queued = new ArrayList<>();
          List<Future<Void>> stale = new ArrayList<>();
          for (String id : ids) {
            Conversation c = byId.get(id);
            if (c != null && c.status() == ConversationStatus.QUEUED) {
              queued.add(c);
            } else {
              stale.add(dequeue(id));
            }
          }
          return stale.isEmpty() ? Future.succeededFuture(queued)
              : Future.all(stale).compose(v -> queued.isEmpty() ? waitingChats(siteKey, limit) : Future.succeededFuture(queued));
        }));
  }

  /**
   * Restores both collections from the conversations (after a crash between two of their writes),
   * writes every queue entry anew (entries of older versions lack what the queue views show), and
   * drops entries of chats that no longer wait.
   */
  Future<Void> rebuild(List<String> openStatuses, String queuedStatus) {
    return Reactive.list(db.conversations().find(in("status", openStatuses)))
        .compose(open -> {
          List<Future<Void>> writes = new java.util.ArrayList<>();
          List<String> waiting = new ArrayList<>();
          for (Document c : open) {
            String id = c.getString("_id");
            writes.add(Reactive.done(db.openChats().replaceOne(eq("_id", c.getString("visitorId")),
                new Document("_id", c.getString("visitorId")).append("conversationId", id), new ReplaceOptions().upsert(true))));
            // A held chat (ticket 0, see HeldChats) has no queue entry until it is handed over.
            if (queuedStatus.equals(c.getString("status")) && ((Number) c.get("queueTicket")).longValue() != 0) {
              waiting.add(id);
              writes.add(enqueue(Conversations.toConversation(c), ((Number) c.get("queueTicket")).longValue(), c.get("card", Document.class)));
            }
          }
          writes.add(Reactive.done(db.queue().deleteMany(nin("_id", waiting))));
          return Future.all(writes).mapEmpty();
        });
  }
}
