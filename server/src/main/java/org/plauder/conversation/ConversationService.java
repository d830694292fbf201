package org.plauder.conversation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.plauder.store.Conversations;
import org.plauder.store.Duplicates;
import org.plauder.store.Messages;
import org.plauder.store.Sites;
import org.plauder.transcript.CardNumbers;

/**
 * Stores messages and only then tells both sides. Each message gets the next gap-free
 * {@code seq} of its conversation: a seq exists only once its message is stored, because the
 * unique (conversation, seq) index turns a lost race into a retry with the next number.
 */
public final class ConversationService {

  /**
   * A stored message, whether it was stored by an earlier send of the same clientMsgId, and
   * whether card numbers in it were masked.
   */
  public record Appended(ChatMessage message, boolean duplicate, boolean masked) {}

  public static final int HISTORY_PAGE = 500;
  private static final int MAX_SEQ_ATTEMPTS = 64;

  private final Sites sites;
  private final Conversations conversations;
  private final Messages messages;
  private final Inboxes inboxes;
  private final Clock clock;

  public ConversationService(Sites sites, Conversations conversations, Messages messages, Inboxes inboxes, Clock clock) {
    this.sites = sites;
    this.conversations = conversations;
    this.messages = messages;
    this.inboxes = inboxes;
    this.clock = clock;
  }

  /** Stores the message (once per clientMsgId) and pushes it to the visitor and the agent. */
  public Future<Appended> append(Conversation c, ChatMessage.Sender sender, String senderId, String senderName,
      String text, String clientMsgId) {
    // "masked" compares what is stored with what was sent, so a resend answers as the first send did.
    return messages.findByClientMsgId(c.id(), clientMsgId).compose(existing -> {
      if (existing != null) {
        return Future.succeededFuture(new Appended(existing, true, !existing.text().equals(text)));
      }
      return sites.find(c.siteKey()).compose(site -> {
        String stored = site != null && site.maskCardNumbers() ? CardNumbers.mask(text) : text;
        ChatMessage draft = new ChatMessage(c.id(), c.lastSeq() + 1, sender, senderId, senderName, stored, clientMsgId,
            clock.instant().truncatedTo(ChronoUnit.MILLIS)); // what MongoDB keeps, so a resent ack is identical
        return insertWithNextSeq(draft, c.siteKey(), 0)
            .map(a -> new Appended(a.message(), a.duplicate(), !a.message().text().equals(text)));
      });
    }).compose(appended -> {
      if (appended.duplicate()) {
        return Future.succeededFuture(appended);
      }
      ChatMessage m = appended.message();
      Future<Void> firstReply = sender == ChatMessage.Sender.AGENT && c.firstAgentReplyAt() == null
          ? conversations.recordFirstAgentReply(c.id(), m.time())
          : Future.succeededFuture();
      return Future.all(conversations.recordSeq(c.id(), m.seq()), firstReply).map(v -> {
        var frame = Json.push("message").put("message", Json.message(m));
        inboxes.toVisitor(c.visitorId(), frame);
        inboxes.toAgent(c.agentId(), frame);
        return appended;
      });
    });
  }

  private Future<Appended> insertWithNextSeq(ChatMessage draft, String siteKey, int attempt) {
    return messages.insert(draft, siteKey).map(m -> new Appended(m, false, false)).recover(error -> {
      if (!Duplicates.isDuplicateKey(error)) {
        return Future.failedFuture(error);
      }
      return messages.findByClientMsgId(draft.conversationId(), draft.clientMsgId()).compose(existing -> {
        if (existing != null) {
          return Future.succeededFuture(new Appended(existing, true, false));
        }
        if (attempt >= MAX_SEQ_ATTEMPTS) {
          return Future.failedFuture(new Failure(503, "busy", "the conversation is too busy, try again"));
        }
        return insertWithNextSeq(withSeq(draft, draft.seq() + 1), siteKey, attempt + 1);
      });
    });
  }

  private static ChatMessage withSeq(ChatMessage m, long seq) {
    return new ChatMessage(m.conversationId(), seq, m.sender(), m.senderId(), m.senderName(), m.text(), m.clientMsgId(), m.time());
  }

  /** Every message of the conversation, page after page; for transcripts, which must never be cut short. */
  public Future<List<ChatMessage>> allMessages(Conversation c) {
    return allMessages(c, 0, new java.util.ArrayList<>());
  }

  private Future<List<ChatMessage>> allMessages(Conversation c, long afterSeq, List<ChatMessage> into) {
    return history(c, afterSeq).compose(page -> {
      into.addAll(page.messages());
      return page.hasMore() ? allMessages(c, page.lastSeq(afterSeq), into) : Future.succeededFuture(into);
    });
  }

  /** Messages after {@code afterSeq}, at most one page. */
  public Future<Messages.Page> history(Conversation c, long afterSeq) {
    return messages.after(c.id(), afterSeq, c.lastSeq(), HISTORY_PAGE);
  }
}
