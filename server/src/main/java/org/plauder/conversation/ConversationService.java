package org.plauder.conversation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.ChatRated;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;
import org.plauder.store.AlreadyExists;
import org.plauder.store.Conversations;
import org.plauder.store.LastSeqs;
import org.plauder.store.Messages;
import org.plauder.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores messages and only then announces them ({@link MessageAppended}). Each message gets the
 * next gap-free {@code seq} of its conversation: a seq exists only once its message is stored,
 * because the unique (conversation, seq) id turns a lost race into a retry with the next number.
 * On one node appends to a conversation take turns ({@link AppendTurns}), so races are left to
 * several nodes writing to the same conversation.
 */
public final class ConversationService implements ChatLog {

  private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

  public static final int HISTORY_PAGE = 500;
  private static final int MAX_SEQ_ATTEMPTS = 64;

  private final CachedReads<String, Site> sites;
  private final Conversations conversations;
  private final CachedReads<String, Conversation> cached;
  private final Messages messages;
  private final LastSeqs lastSeqs;
  private final EventSink events;
  private final Clock clock;
  private final AppendTurns turns = new AppendTurns();

  public ConversationService(CachedReads<String, Site> sites, Conversations conversations,
      CachedReads<String, Conversation> cached, Messages messages, LastSeqs lastSeqs, EventSink events, Clock clock) {
    this.sites = sites;
    this.conversations = conversations;
    this.cached = cached;
    this.messages = messages;
    this.lastSeqs = lastSeqs;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores the message with the next seq and announces it: one insert and one update of the
   * conversation's last seq. The site's masking setting and the conversation come from memory;
   * a resend is recognised by the unique clientMsgId when the insert is refused, not looked up first.
   */
  @Override
  public Future<Appended> append(Conversation c, ChatMessage.Sender sender, String senderId, String senderName,
      String text, String clientMsgId) {
    return append(c, sender, senderId, senderName, text, clientMsgId, null);
  }

  /** As above, for a message that carries a stored file (its text is the file's name). */
  public Future<Appended> append(Conversation c, ChatMessage.Sender sender, String senderId, String senderName,
      String text, String clientMsgId, Attachment attachment) {
    // In turn, so that the last seq this node knows (updated by the turn before) is the one to follow.
    return turns.inTurn(c.id(), () -> Future.all(sites.get(c.siteKey()), cached.get(c.id())).compose(both -> {
      Site site = both.resultAt(0);
      Conversation known = both.resultAt(1);
      long lastSeq = Math.max(c.lastSeq(), known == null ? 0 : known.lastSeq());
      String stored = site != null && site.maskCardNumbers() ? CardNumbers.mask(text) : text;
      ChatMessage draft = new ChatMessage(c.id(), lastSeq + 1, sender, senderId, senderName, stored, clientMsgId,
          clock.instant().truncatedTo(ChronoUnit.MILLIS), attachment); // what MongoDB keeps, so a resent ack is identical
      return insertWithNextSeq(draft, c.siteKey(), 0);
    }).compose(inserted -> {
      // "masked" compares what is stored with what was sent, so a resend answers as the first send did.
      Appended appended = new Appended(inserted.message(), inserted.duplicate(), !inserted.message().text().equals(text));
      return appended.duplicate() ? Future.succeededFuture(appended) : recordAndAnnounce(c, appended);
    }));
  }

  /**
   * The message is stored: it is announced and acknowledged now. The conversation's last seq
   * (a hint for history paging, which tolerates a lagging one) is written on the side — in an
   * active chat behind, with others ({@link LastSeqs}) — and so is the first agent reply, so the ack
   * waits for one write.
   */
  private Future<Appended> recordAndAnnounce(Conversation c, Appended appended) {
    ChatMessage m = appended.message();
    boolean firstReply = m.sender() == ChatMessage.Sender.AGENT && c.firstAgentReplyAt() == null;
    cached.update(c.id(), known -> known.afterAppend(m.seq(), firstReply ? m.time() : null));
    if (c.status() == ConversationStatus.ACTIVE) {
      lastSeqs.appended(c.id(), m.seq());
    } else {
      // Before its agent: the assignment that follows reads the conversation and tells the agent how far it goes.
      conversations.recordSeq(c.id(), m.seq()).onFailure(e -> log.warn("last seq of {} not recorded: {}", c.id(), e.toString()));
    }
    if (firstReply) {
      conversations.recordFirstAgentReply(c.id(), m.time())
          .onFailure(e -> log.warn("first reply of {} not recorded: {}", c.id(), e.toString()));
    }
    events.publish(new MessageAppended(c.siteKey(), c.visitorId(), c.agentId(), m));
    return Future.succeededFuture(appended);
  }

  /**
   * Inserts with the draft's seq. Refused by a unique index, it is either a resend (its clientMsgId
   * is stored: the first answer is given) or a lost race for the seq (the next one is tried, from
   * the conversation's stored last seq when this node's copy lagged behind).
   */
  private Future<Appended> insertWithNextSeq(ChatMessage draft, String siteKey, int attempt) {
    return messages.insert(draft, siteKey).map(m -> new Appended(m, false, false)).recover(error -> {
      if (!(error instanceof AlreadyExists)) {
        return Future.failedFuture(error);
      }
      return messages.findByClientMsgId(draft.conversationId(), draft.clientMsgId()).compose(existing -> {
        if (existing != null) {
          return Future.succeededFuture(new Appended(existing, true, false));
        }
        if (attempt >= MAX_SEQ_ATTEMPTS) {
          return Future.failedFuture(new Failure(503, "busy", "the conversation is too busy, try again"));
        }
        return conversations.find(draft.conversationId()).compose(stored -> {
          long next = Math.max(draft.seq() + 1, stored == null ? 0 : stored.lastSeq() + 1);
          return insertWithNextSeq(withSeq(draft, next), siteKey, attempt + 1);
        });
      });
    });
  }

  private static ChatMessage withSeq(ChatMessage m, long seq) {
    return new ChatMessage(m.conversationId(), seq, m.sender(), m.senderId(), m.senderName(), m.text(), m.clientMsgId(), m.time(), m.attachment());
  }

  /** Writes the last seqs collected so far; a node calls it before it closes its database. */
  public Future<Void> writeLastSeqs() {
    return lastSeqs.write();
  }

  /** Stores the visitor's rating (1 to 5) of its conversation. */
  public Future<Void> rate(Conversation c, int rating) {
    return conversations.rate(c.id(), rating)
        .onSuccess(v -> events.publish(new ChatRated(c.siteKey(), c.id(), c.agentId(), rating)));
  }

  /** Every message of the conversation, page after page; for transcripts, which must never be cut short. */
  public Future<List<ChatMessage>> allMessages(Conversation c) {
    return allMessages(c, 0, new ArrayList<>());
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
