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
 * A site's messages streamed as NDJSON or CSV rows, conversation by conversation (in id order),
 * each in seq order. Conversations are read a page at a time; their messages a batch of
 * conversations at a time, by the exact ids of their seqs (one query for a few thousand messages,
 * not one per conversation); a conversation with more than a page goes on page by page. One read
 * runs ahead of what is being written; the one after it starts only when the client has taken
 * what was written.
 */
final class BulkExport {

  // Each conversation page is a scan on the embedded server: large pages, few scans.
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

  /** The messages of the site's conversations created in [from, to), after the conversation {@code afterId}. */
  Future<Void> conversations(String siteKey, Instant from, Instant to, String afterId) {
    return conversations(siteKey, from, to, readPage(siteKey, from, to, afterId));
  }

  private Future<List<Conversation>> readPage(String siteKey, Instant from, Instant to, String afterId) {
    return services.conversations().bySite().page(siteKey, from, to, null, afterId, CONVERSATION_PAGE);
  }

  /**
   * Writes the conversations of {@code read} and of the pages after it. The next page, and each
   * batch's messages, are asked for while the one before is written: the database reads while the
   * event loop encodes, and one read ahead is all that waits for a slow client.
   */
  private Future<Void> conversations(String siteKey, Instant from, Instant to, Future<List<Conversation>> read) {
    return read.compose(page -> {
      Future<List<Conversation>> nextPage = page.size() < CONVERSATION_PAGE ? null
          : readPage(siteKey, from, to, page.get(page.size() - 1).id());
      List<List<Conversation>> batches = Messages.batches(page, MESSAGE_PAGE, IDS_PER_READ);
      Future<Void> written = batches.isEmpty() ? Future.succeededFuture()
          : batchesFrom(batches, 0, services.messageStore().firstPages(batches.get(0), MESSAGE_PAGE));
      return nextPage == null ? written : written.compose(v -> conversations(siteKey, from, to, nextPage));
    });
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
