package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;

/**
 * Messages in MongoDB, one document each. A message's {@code _id} is its conversation id and
 * its zero-padded seq, so the unique {@code _id} is what makes seqs unique, and a page of history
 * is fetched by the exact ids of the next seqs. Lookups use flat exact-key filters: that is what
 * lets the embedded server use its indexes (it scans for ranges and {@code $and}), and a real
 * MongoDB serves them from the same indexes.
 */
public final class Messages {

  private final Database db;

  public Messages(Database db) {
    this.db = db;
  }

  public Future<ChatMessage> findByClientMsgId(String conversationId, String clientMsgId) {
    return Reactive.first(db.messages().find(new Document("conversationId", conversationId).append("clientMsgId", clientMsgId)).first())
        .map(Messages::toMessage);
  }

  /** Inserts the message; fails with a duplicate-key error when its seq or clientMsgId is taken. */
  public Future<ChatMessage> insert(ChatMessage m, String siteKey) {
    Document doc = new Document("_id", idOf(m.conversationId(), m.seq()))
        .append("siteKey", siteKey)
        .append("conversationId", m.conversationId())
        .append("seq", m.seq())
        .append("sender", m.sender().wire())
        .append("senderId", m.senderId())
        .append("senderName", m.senderName())
        .append("text", m.text())
        .append("clientMsgId", m.clientMsgId())
        .append("time", Dates.toDate(m.time()));
    if (m.attachment() != null) {
      doc.append("attachment", new Document("id", m.attachment().id()).append("name", m.attachment().name())
          .append("type", m.attachment().type()).append("size", m.attachment().size()));
    }
    return Reactive.first(db.messages().insertOne(doc)).map(r -> m);
  }

  /** The document id of a conversation's message with that seq; sorts in seq order. */
  static String idOf(String conversationId, long seq) {
    String digits = Long.toString(seq);
    if (seq < 0 || digits.length() >= 10) {
      return conversationId + ":" + String.format("%010d", seq);
    }
    // As %010d, without the formatter: it cost the bulk export half of its event loop's time.
    return new StringBuilder(conversationId.length() + 11).append(conversationId).append(':')
        .append("0000000000", digits.length(), 10).append(digits).toString();
  }

  /** How many seqs past a conversation's recorded last seq a history page looks for. */
  static final int BEYOND_HINT = 64;

  /** Messages in seq order, and whether more may follow them. */
  public record Page(List<ChatMessage> messages, boolean hasMore) {
    public long lastSeq(long fallback) {
      return messages.isEmpty() ? fallback : messages.get(messages.size() - 1).seq();
    }
  }

  /**
   * The messages after {@code afterSeq}, at most {@code max}. Seqs have no gaps, so a page is
   * fetched by the exact ids of the next seqs: as many as the conversation's recorded last seq
   * says exist, plus {@link #BEYOND_HINT}, because the recorded last seq trails the messages (it is
   * written behind them, {@link LastSeqs}; a crash can come in between): the messages past it are in
   * the same page, and the first missing seq is the end.
   */
  public Future<Page> after(String conversationId, long afterSeq, long lastSeqHint, int max) {
    long from = Math.max(0, afterSeq) + 1;
    int size = (int) Math.min(max, Math.max(0, lastSeqHint - from + 1) + BEYOND_HINT);
    List<String> ids = new ArrayList<>(size);
    for (long seq = from; seq < from + size; seq++) {
      ids.add(idOf(conversationId, seq));
    }
    return Reactive.list(db.messages().find(in("_id", ids)))
        .map(list -> {
          List<ChatMessage> page = list.stream().map(Messages::toMessage)
              .sorted(java.util.Comparator.comparingLong(ChatMessage::seq)).toList();
          return new Page(page, page.size() == size);
        });
  }

  /**
   * The first page (at most {@code max} messages) of each of several conversations, with one query:
   * the exact ids of seqs 1 to its recorded last seq, plus the seq after it (which says whether
   * more follow: seqs have no gaps). For the bulk export, which reads thousands of conversations
   * (a group of {@link #batches} at a time).
   */
  public Future<Map<String, Page>> firstPages(List<Conversation> conversations, int max) {
    List<String> ids = new ArrayList<>();
    Map<String, Integer> asked = new HashMap<>();
    for (Conversation c : conversations) {
      int size = (int) Math.min(max, Math.max(0, c.lastSeq()) + 1);
      asked.put(c.id(), size);
      for (long seq = 1; seq <= size; seq++) {
        ids.add(idOf(c.id(), seq));
      }
    }
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return Reactive.list(db.messages().find(in("_id", ids)).batchSize(ids.size() + 1))
        .map(list -> {
          Map<String, List<ChatMessage>> found = new HashMap<>();
          for (Document d : list) {
            ChatMessage m = toMessage(d);
            found.computeIfAbsent(m.conversationId(), k -> new ArrayList<>()).add(m);
          }
          Map<String, Page> pages = new HashMap<>();
          asked.forEach((conversationId, size) -> {
            List<ChatMessage> page = found.getOrDefault(conversationId, new ArrayList<>());
            page.sort(java.util.Comparator.comparingLong(ChatMessage::seq));
            pages.put(conversationId, new Page(page, page.size() == size));
          });
          return pages;
        });
  }

  /**
   * Conversations grouped for {@link #firstPages}: the first pages of a group are at most about
   * {@code idsPerRead} ids (a conversation alone may ask for more), so that one read is one short
   * command.
   */
  public static List<List<Conversation>> batches(List<Conversation> conversations, int maxPage, int idsPerRead) {
    List<List<Conversation>> batches = new ArrayList<>();
    List<Conversation> batch = new ArrayList<>();
    long ids = 0;
    for (Conversation c : conversations) {
      long asked = Math.min(maxPage, Math.max(0, c.lastSeq()) + 1);
      if (!batch.isEmpty() && ids + asked > idsPerRead) {
        batches.add(batch);
        batch = new ArrayList<>();
        ids = 0;
      }
      batch.add(c);
      ids += asked;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  /**
   * Those of the messages with these ids whose text contains {@code text} (literally, ignoring
   * case, umlauts too; null: any text) and that were sent in [from, to) (null: open). The database
   * matches them, so only the hits are sent back.
   */
  public Future<List<ChatMessage>> containing(List<String> ids, String text, Instant from, Instant to) {
    List<Bson> filters = new ArrayList<>();
    filters.add(in("_id", ids));
    if (text != null) {
      filters.add(regex("text", literal(text), "i"));
    }
    if (from != null) {
      filters.add(gte("time", Dates.toDate(from)));
    }
    if (to != null) {
      filters.add(lt("time", Dates.toDate(to)));
    }
    return Reactive.list(db.messages().find(and(filters)).batchSize(ids.size() + 1))
        .map(list -> list.stream().map(Messages::toMessage).toList());
  }

  /** Those of the conversations with a message stored past their recorded last seq (which trails the messages by a moment). */
  public Future<List<Conversation>> withMessagesPastRecorded(List<Conversation> conversations) {
    Map<String, Conversation> byNextId = new HashMap<>();
    conversations.forEach(c -> byNextId.put(idOf(c.id(), Math.max(0, c.lastSeq()) + 1), c));
    if (byNextId.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return Reactive.list(db.messages().find(in("_id", List.copyOf(byNextId.keySet()))).projection(new Document("_id", 1))
        .batchSize(byNextId.size() + 1)).map(list -> list.stream().map(d -> byNextId.get(d.getString("_id"))).toList());
  }

  /**
   * A regular expression that matches {@code text} literally, in Java's and in MongoDB's (PCRE)
   * syntax alike: every ASCII character that is neither a letter nor a digit is escaped; a
   * backslash before such a character means the character itself in both.
   */
  static String literal(String text) {
    StringBuilder regex = new StringBuilder(text.length() * 2);
    text.codePoints().forEach(c -> {
      if (c < 128 && !Character.isLetterOrDigit(c)) {
        regex.append('\\');
      }
      regex.appendCodePoint(c);
    });
    return regex.toString();
  }

  /**
   * Deletes every message of the conversations (id to recorded last seq), by exact ids: a filter on
   * the conversation would make the embedded database read every stored message, which took 40 s
   * for 500 conversations among a million messages and held up every other command meanwhile.
   * Seqs 1 to the recorded last seq go first. Seqs have no gaps, so the seq after the last deleted
   * one says whether more follow (the recorded last seq trails the messages by a moment, e.g. the
   * line that closed the chat); if it is there, the next {@link #BEYOND_HINT} go, then twice as
   * many each round, until the seq after them is not.
   */
  public Future<Long> deleteOfConversations(Map<String, Long> lastSeqs) {
    Map<String, long[]> ranges = new HashMap<>();
    lastSeqs.forEach((id, last) -> ranges.put(id, new long[] {1, Math.max(0, last)}));
    return deleteSeqs(ranges, 0);
  }

  /** Deletes each conversation's seqs in its range (first, last), then goes on for those whose next seq is stored. */
  private Future<Long> deleteSeqs(Map<String, long[]> ranges, long deletedBefore) {
    if (ranges.isEmpty()) {
      return Future.succeededFuture(deletedBefore);
    }
    List<String> ids = new ArrayList<>();
    List<String> next = new ArrayList<>();
    ranges.forEach((id, range) -> {
      for (long seq = range[0]; seq <= range[1]; seq++) {
        ids.add(idOf(id, seq));
      }
      next.add(idOf(id, range[1] + 1));
    });
    Future<Long> deleted = ids.isEmpty() ? Future.succeededFuture(deletedBefore)
        : Reactive.first(db.messages().deleteMany(in("_id", ids))).map(r -> deletedBefore + r.getDeletedCount());
    return deleted.compose(sum -> Reactive.list(db.messages().find(in("_id", next)).projection(new Document("conversationId", 1)))
        .compose(beyond -> {
          Map<String, long[]> more = new HashMap<>();
          for (Document d : beyond) {
            long[] range = ranges.get(d.getString("conversationId"));
            long size = range[0] == 1 ? BEYOND_HINT : 2 * (range[1] - range[0] + 1);
            more.put(d.getString("conversationId"), new long[] {range[1] + 1, range[1] + size});
          }
          return deleteSeqs(more, sum);
        }));
  }

  static ChatMessage toMessage(Document d) {
    if (d == null) {
      return null;
    }
    return new ChatMessage(
        d.getString("conversationId"),
        ((Number) d.get("seq")).longValue(),
        ChatMessage.Sender.fromWire(d.getString("sender")),
        d.getString("senderId"),
        d.getString("senderName"),
        d.getString("text"),
        d.getString("clientMsgId"),
        Dates.toInstant(d.getDate("time")),
        attachment(d.get("attachment", Document.class)));
  }

  private static org.plauder.conversation.Attachment attachment(Document a) {
    return a == null ? null : new org.plauder.conversation.Attachment(a.getString("id"), a.getString("name"),
        a.getString("type"), ((Number) a.get("size")).longValue());
  }
}
