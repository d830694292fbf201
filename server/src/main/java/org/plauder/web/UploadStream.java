package org.plauder.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.plauder.attachment.FileLimits;
import org.plauder.attachment.FileType;
import org.plauder.protocol.Failure;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A request body as the driver's GridFS reads it: chunk by chunk, fetched from the connection only
 * as the database takes them (the request stays paused otherwise), so an upload is never held in
 * memory. It counts the bytes and fails the stream with {@code 413 file_too_large} the moment they
 * pass the site's limit; the store then deletes the chunks written so far. The first bytes are read
 * before anything is stored, to tell what the file is.
 */
final class UploadStream implements Publisher<ByteBuffer> {

  private final HttpServerRequest request;
  private final Context context;
  private final FileLimits limit;
  private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
  private Promise<byte[]> head = Promise.promise();
  private Subscriber<? super ByteBuffer> subscriber;
  private long demand;
  private long bytes;
  private boolean fetching;
  private boolean ended;
  private boolean done;
  private Failure failure;

  UploadStream(HttpServerRequest request, Context context, FileLimits limit) {
    this.request = request;
    this.context = context;
    this.limit = limit;
    request.handler(this::onChunk);
    request.endHandler(v -> onEnd());
    request.exceptionHandler(this::fail);
  }

  /** The first {@link FileType#SNIFF_BYTES} bytes (fewer for a shorter body), read before anything is stored. */
  Future<byte[]> head() {
    fetchMore();
    return head.future();
  }

  /** How many bytes came so far (all of them once the stream completed). */
  long bytes() {
    return bytes;
  }

  /** Why the body was refused here (too large), or null. */
  Failure failure() {
    return failure;
  }

  @Override
  public void subscribe(Subscriber<? super ByteBuffer> s) {
    subscriber = s;
    s.onSubscribe(new Subscription() {
      @Override
      public void request(long n) {
        context.runOnContext(v -> {
          demand += n;
          drain();
        });
      }

      @Override
      public void cancel() {
        context.runOnContext(v -> done = true);
      }
    });
    if (done) { // refused or broken before the database asked for anything
      s.onError(failure != null ? failure : new IllegalStateException("the upload ended early"));
    }
  }

  private void onChunk(Buffer chunk) {
    fetching = false;
    if (done) {
      return;
    }
    bytes += chunk.length();
    if (limit.tooLarge(bytes)) {
      failure = limit.tooLargeFailure();
      fail(failure);
      return;
    }
    queue.add(chunk);
    if (head != null) {
      offerHead();
    } else {
      drain();
    }
  }

  private void onEnd() {
    ended = true;
    if (head != null) {
      offerHead();
    } else {
      drain();
    }
  }

  /** Completes the head once enough bytes (or the whole body) are here; else asks for the next chunk. */
  private void offerHead() {
    Buffer all = Buffer.buffer();
    queue.forEach(all::appendBuffer);
    if (all.length() >= FileType.SNIFF_BYTES || ended) {
      Promise<byte[]> ready = head;
      head = null;
      ready.tryComplete(Arrays.copyOf(all.getBytes(), Math.min(all.length(), FileType.SNIFF_BYTES)));
    } else {
      fetchMore();
    }
  }

  private void drain() {
    if (subscriber == null || done) {
      return;
    }
    while (demand > 0 && !queue.isEmpty()) {
      demand--;
      subscriber.onNext(ByteBuffer.wrap(queue.poll().getBytes()));
    }
    if (queue.isEmpty() && ended) {
      done = true;
      subscriber.onComplete();
    } else if (demand > 0) {
      fetchMore();
    }
  }

  private void fetchMore() {
    if (!fetching && !ended) {
      fetching = true;
      request.fetch(1);
    }
  }

  private void fail(Throwable error) {
    if (done) {
      return;
    }
    done = true;
    if (head != null) {
      head.tryFail(error);
      head = null;
    }
    if (subscriber != null) {
      subscriber.onError(error);
    }
  }
}
