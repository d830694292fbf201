package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.plauder.Services;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.protocol.Failure;
import org.plauder.store.Messages;
import org.plauder.transcript.TranscriptFormat;
import org.plauder.transcript.Transcripts;

/**
 * A site's messages streamed as NDJSON or CSV rows, conversation by conversation (in no
 * particular order), each whole and in seq order. The conversations are read with one query
 * ({@link org.plauder.store.SiteConversations#each}), a page at a time, the next page while one is
 * written; their messages a batch of conversations at a time, by the exact ids of their seqs (one
 * query for a few thousand messages, not one per conversation), the next batch while one is
 * written; a conversation with more than a page goes on page by page. Any read after those waits
 * until the client has taken what was written.
 */
final class BulkExport {

  // Held while its messages are written; large enough that they are read in full batches (IDS_PER_READ).
  private static final int CONVERSATION_PAGE = 1000;
  private static final int MESSAGE_PAGE = 500;
  /** About how many message ids one read asks for. */
  private static final int IDS_PER_READ = 5000;

  private final Services services;
  private final HttpServerResponse response;
  private final TranscriptFormat format;

  BulkExport(Services services, HttpServerResponse response, TranscriptFormat format) {
    this.services = services;
    this.response = response;
    this.format = format;
  }

  /** The messages of the site's conversations created in [from, to). */
  Future<Void> conversations(String siteKey, Instant from, Instant to) {
    // true: the next page is read while this one is written.
    return services.conversations().bySite().each(siteKey, from, to, null, CONVERSATION_PAGE, true, this::page);
  }

  /** Writes a page of conversations; each batch's messages are asked for while the one before is written. */
  private Future<Void> page(List<Conversation> page) {
    List<List<Conversation>> batches = Messages.batches(page, MESSAGE_PAGE, IDS_PER_READ);
    return batches.isEmpty() ? Future.succeededFuture()
        : batchesFrom(batches, 0, services.messageStore().firstPages(batches.get(0), MESSAGE_PAGE));
  }

  private Future<Void> batchesFrom(List<List<Conversation>> batches, int k, Future<Map<String, Messages.Page>> read) {
    return read.compose(pages -> {
      Future<Map<String, Messages.Page>> next = k + 1 < batches.size()
          ? services.messageStore().firstPages(batches.get(k + 1), MESSAGE_PAGE) : null;
      Future<Void> written = from(batches.get(k), 0, pages);
      return next == null ? written : written.compose(v -> batchesFrom(batches, k + 1, next));
    });
  }

  /** Writes the batch's conversations from index {@code i} on, all of them in one chunk up to one with more pages. */
  private Future<Void> from(List<Conversation> batch, int i, Map<String, Messages.Page> pages) {
    Buffer chunk = Buffer.buffer();
    for (int j = i; j < batch.size(); j++) {
      Conversation c = batch.get(j);
      Messages.Page page = pages.get(c.id());
      append(chunk, page.messages());
      if (page.hasMore()) {
        int next = j + 1;
        return write(response, chunk)
            .compose(v -> rest(c, page.lastSeq(0)))
            .compose(v -> from(batch, next, pages));
      }
    }
    return write(response, chunk);
  }

  /** The conversation's messages after {@code afterSeq}, a page at a time. */
  private Future<Void> rest(Conversation c, long afterSeq) {
    return services.messageStore().after(c.id(), afterSeq, c.lastSeq(), MESSAGE_PAGE).compose(page -> {
      if (page.messages().isEmpty()) {
        return Future.succeededFuture();
      }
      Buffer chunk = Buffer.buffer();
      append(chunk, page.messages());
      Future<Void> written = write(response, chunk);
      return page.hasMore() ? written.compose(v -> rest(c, page.lastSeq(afterSeq))) : written;
    });
  }

  private void append(Buffer chunk, List<ChatMessage> messages) {
    for (ChatMessage m : messages) {
      chunk.appendString(format == TranscriptFormat.CSV ? Transcripts.csvRow(m) : Transcripts.ndjsonLine(m));
    }
  }

  /** Writes, and when the client is slower than the database, waits until it has drained. */
  static Future<Void> write(HttpServerResponse response, Buffer chunk) {
    if (response.closed()) {
      return Future.failedFuture(new Failure(499, "client_gone", "the client closed the connection"));
    }
    if (chunk.length() == 0) {
      return Future.succeededFuture();
    }
    response.write(chunk);
    if (!response.writeQueueFull()) {
      return Future.succeededFuture();
    }
    Promise<Void> drained = Promise.promise();
    response.drainHandler(v -> drained.tryComplete());
    response.closeHandler(v -> drained.tryFail(new Failure(499, "client_gone", "the client closed the connection")));
    return drained.future();
  }
}
