package org.plauder.transcript;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.store.Conversations;
import org.plauder.store.MessageIdReads;
import org.plauder.store.Messages;

/**
 * Searches a site's messages for a text (literally, ignoring case), newest first. It reads the
 * site's conversations with one query, a page at a time, and asks for their messages by exact
 * ids, a few thousand in each command, the database matching the text, so only hits come back:
 * one query with a filter on the text alone would make the embedded database read every stored
 * message in one command (2–9 s for a million, with every chat waiting meanwhile); this way other
 * commands go in between, and it works alike on MongoDB. A conversation's recorded last seq trails
 * its messages by a moment, so the seq after it is looked for too; where it is there, the rest of
 * that conversation is read page by page and matched here.
 */
public final class TranscriptSearch {

  static final int CONVERSATION_PAGE = 1000;
  static final int MESSAGE_PAGE = 500;
  /** How many message ids one read asks for. */
  static final int IDS_PER_READ = 5000;

  /** Newest first; of two at the same millisecond, the later in its conversation first. */
  static final Comparator<ChatMessage> NEWEST_FIRST = Comparator.comparing(ChatMessage::time)
      .thenComparing(ChatMessage::conversationId).thenComparingLong(ChatMessage::seq).reversed();

  private final Conversations conversations;
  private final Messages messages;

  public TranscriptSearch(Conversations conversations, Messages messages) {
    this.conversations = conversations;
    this.messages = messages;
  }

  /**
   * The newest {@code limit} messages of the site that contain {@code text} (null: any), sent in
   * [from, to) (null: open), optionally only in the conversations of one agent.
   */
  public Future<List<ChatMessage>> search(String siteKey, String text, String agentId, Instant from, Instant to, int limit) {
    return new Run(siteKey, text, agentId, from, to, limit).all();
  }

  /** One search under way: what it looks for, and the newest hits so far. */
  private final class Run {
    private final String siteKey;
    private final String text;
    private final String agentId;
    private final Instant from;
    private final Instant to;
    private final Predicate<ChatMessage> matches;
    private final Newest found;

    Run(String siteKey, String text, String agentId, Instant from, Instant to, int limit) {
      this.siteKey = siteKey;
      this.text = text;
      this.agentId = agentId;
      this.from = from;
      this.to = to;
      Pattern pattern = text == null ? null : Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      this.matches = m -> (pattern == null || pattern.matcher(m.text()).find())
          && (from == null || !m.time().isBefore(from)) && (to == null || m.time().isBefore(to));
      this.found = new Newest(limit);
    }

    /** Goes through the site's conversations a page at a time (one created at or after {@code to} has no message before it). */
    Future<List<ChatMessage>> all() {
      return conversations.bySite().each(siteKey, null, to, agentId, CONVERSATION_PAGE, page -> {
        MessageIdReads reads = new MessageIdReads(page, IDS_PER_READ);
        return readsFrom(reads, reads.hasNext() ? read(reads.next()) : null).compose(v -> pastRecorded(page));
      }).map(v -> found.newestFirst());
    }

    private Future<List<ChatMessage>> read(List<String> ids) {
      return messages.containing(ids, text, from, to);
    }

    /** Takes the hits of each read in turn; the next read is under way while one's hits are taken. */
    private Future<Void> readsFrom(MessageIdReads reads, Future<List<ChatMessage>> current) {
      if (current == null) {
        return Future.succeededFuture();
      }
      return current.compose(hits -> {
        Future<List<ChatMessage>> next = reads.hasNext() ? read(reads.next()) : null;
        hits.forEach(found::offer);
        return readsFrom(reads, next);
      });
    }

    /** The messages of the page's conversations past their recorded last seq, where there are any. */
    private Future<Void> pastRecorded(List<Conversation> page) {
      return messages.withMessagesPastRecorded(page).compose(more -> {
        Future<Void> rest = Future.succeededFuture();
        for (Conversation c : more) {
          rest = rest.compose(v -> rest(c, c.lastSeq()));
        }
        return rest;
      });
    }

    /** The conversation's messages after {@code afterSeq}, a page at a time, matched here. */
    private Future<Void> rest(Conversation c, long afterSeq) {
      return messages.after(c.id(), afterSeq, c.lastSeq(), MESSAGE_PAGE).compose(page -> {
        page.messages().stream().filter(matches).forEach(found::offer);
        return page.hasMore() && !page.messages().isEmpty() ? rest(c, page.lastSeq(afterSeq)) : Future.succeededFuture();
      });
    }
  }

  /** The newest messages offered, at most {@code limit}: the oldest kept goes when a newer one comes. */
  private static final class Newest {
    private final int limit;
    private final PriorityQueue<ChatMessage> kept = new PriorityQueue<>(NEWEST_FIRST.reversed());

    Newest(int limit) {
      this.limit = limit;
    }

    void offer(ChatMessage m) {
      kept.add(m);
      if (kept.size() > limit) {
        kept.poll();
      }
    }

    List<ChatMessage> newestFirst() {
      List<ChatMessage> list = new ArrayList<>(kept);
      list.sort(NEWEST_FIRST);
      return list;
    }
  }
}
