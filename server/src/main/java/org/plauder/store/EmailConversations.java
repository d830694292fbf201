package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Locale;
import org.bson.Document;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;

/**
 * What the e-mail channel stores beside the chats: one visitor per sender address and site (the
 * same customer writing again is the same visitor), and queued conversations of channel email,
 * a reply to an ended conversation's answer with the link to it.
 */
public final class EmailConversations {

  private final Database db;
  private final Conversations conversations;

  public EmailConversations(Database db, Conversations conversations) {
    this.db = db;
    this.conversations = conversations;
  }

  /** The visitor id of this sender on this site, created on its first mail. */
  public Future<String> visitorOf(String siteKey, String address, Instant now) {
    String id = Ids.derivedFrom("mail-sender", siteKey, address.toLowerCase(Locale.ROOT));
    Document created = new Document("siteKey", siteKey).append("userAgent", "e-mail").append("createdAt", Dates.toDate(now))
        .append("lastSeenAt", Dates.toDate(now)).append("pageCount", 0).append("visits", 1);
    return Reactive.done(db.visitors().updateOne(eq("_id", id), Updates.setOnInsert(created), new UpdateOptions().upsert(true)))
        .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture() : Future.failedFuture(e))
        .map(id);
  }

  /**
   * Opens a queued conversation of channel email, following up {@code follows} (null: a new mail);
   * null when the visitor has an open conversation already. It is stored as email with its queue
   * entry, before anyone hears of it (the caller announces it afterwards).
   */
  public Future<Conversation> openQueued(String siteKey, String visitorId, String name, String address, String follows, Instant now) {
    return conversations.nextQueueTicket(siteKey).compose(ticket -> conversations.openQueued(ConversationDocs.document(Ids.newId(),
        siteKey, visitorId, ConversationStatus.QUEUED, ticket, name, address, ChatNeeds.NONE, now, Conversation.EMAIL)
        .append("follows", follows), true));
  }
}
