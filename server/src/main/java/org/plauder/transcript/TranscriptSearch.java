package org.plauder.transcript;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.store.Conversations;
import org.plauder.store.Messages;

/**
 * Searches a site's messages for a text (literally, ignoring case), newest first. It goes through
 * the site's conversations a page at a time and reads their messages by exact ids, a few thousand
 * in each command, as the bulk export does: one query with a filter on the text would make the
 * embedded database read every stored message in one command (2–9 s for a million, with every
 * chat waiting meanwhile); this way other commands go in between, and it works alike on MongoDB.
 */
public final class TranscriptSearch {

  static final int CONVERSATION_PAGE = 1000;
  static final int MESSAGE_PAGE = 500;
  /** About how many message ids one read asks for. */
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
    Pattern pattern = text == null ? null : Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    Predicate<ChatMessage> matches = m -> (pattern == null || pattern.matcher(m.text()).find())
        && (from == null || !m.time().isBefore(from)) && (to == null || m.time().isBefore(to));
    Newest found = new Newest(limit);
    // A conversation created at or after `to` has no message before it.
    return pages(siteKey, agentId, to, null, m -> {
      if (matches.test(m)) {
        found.offer(m);
      }
    }).map(v -> found.newestFirst());
  }

  private Future<Void> pages(String siteKey, String agentId, Instant to, String afterId, Consumer<ChatMessage> each) {
    return conversations.pageOfSite(siteKey, null, to, agentId, afterId, CONVERSATION_PAGE).compose(page -> {
      List<List<Conversation>> batches = Messages.batches(page, MESSAGE_PAGE, IDS_PER_READ);
      Future<Void> read = batches.isEmpty() ? Future.succeededFuture()
          : batchesFrom(batches, 0, messages.firstPages(batches.get(0), MESSAGE_PAGE), each);
      return page.size() < CONVERSATION_PAGE ? read
          : read.compose(v -> pages(siteKey, agentId, to, page.get(page.size() - 1).id(), each));
    });
  }

  /** Goes through the batches from {@code k} on; the next batch is read while this one is gone through. */
  private Future<Void> batchesFrom(List<List<Conversation>> batches, int k, Future<Map<String, Messages.Page>> read,
      Consumer<ChatMessage> each) {
    return read.compose(pages -> {
      Future<Map<String, Messages.Page>> next = k + 1 < batches.size() ? messages.firstPages(batches.get(k + 1), MESSAGE_PAGE) : null;
      Future<Void> done = batch(batches.get(k), pages, each);
      return next == null ? done : done.compose(v -> batchesFrom(batches, k + 1, next, each));
    });
  }

  /** Each message of the batch's first pages, then the rest of the conversations with more. */
  private Future<Void> batch(List<Conversation> batch, Map<String, Messages.Page> pages, Consumer<ChatMessage> each) {
    Future<Void> rest = Future.succeededFuture();
    for (Conversation c : batch) {
      Messages.Page page = pages.get(c.id());
      page.messages().forEach(each);
      if (page.hasMore()) {
        rest = rest.compose(v -> rest(c, page.lastSeq(0), each));
      }
    }
    return rest;
  }

  /** The conversation's messages after {@code afterSeq}, a page at a time. */
  private Future<Void> rest(Conversation c, long afterSeq, Consumer<ChatMessage> each) {
    return messages.after(c.id(), afterSeq, c.lastSeq(), MESSAGE_PAGE).compose(page -> {
      page.messages().forEach(each);
      return page.hasMore() && !page.messages().isEmpty() ? rest(c, page.lastSeq(afterSeq), each) : Future.succeededFuture();
    });
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
