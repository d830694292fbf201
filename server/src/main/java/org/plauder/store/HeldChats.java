package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.HeldChatStore;

/** Held chats in the conversations collection: queued with queue ticket 0 and without a queue entry. */
public final class HeldChats implements HeldChatStore {

  private final Database db;
  private final Conversations conversations;
  private final OpenChats open;

  public HeldChats(Database db, Conversations conversations) {
    this.db = db;
    this.conversations = conversations;
    this.open = new OpenChats(db);
  }

  @Override
  public Future<Conversation> openHeld(String siteKey, String visitorId, String visitorName, String visitorEmail, Instant now) {
    return conversations.openQueued(siteKey, visitorId, 0, visitorName, visitorEmail, ChatNeeds.NONE, now, Conversation.CHAT, false);
  }

  @Override
  public Future<Conversation> takeHold(String id, long queueTicket, boolean enqueue) {
    return Reactive.first(db.conversations().findOneAndUpdate(
            and(eq("_id", id), eq("status", ConversationStatus.QUEUED.wire()), eq("queueTicket", 0)),
            Updates.set("queueTicket", queueTicket), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .compose(d -> {
          Conversation c = Conversations.toConversation(d);
          return c == null || !enqueue ? Future.succeededFuture(c) : open.enqueue(c, queueTicket, d.get("card", Document.class)).map(v -> c);
        });
  }
}
