package org.plauder.web;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.ByteBuffer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Writes what a driver's publisher gives (a stored file's chunks) to an HTTP response, one chunk
 * at a time: the next is asked for only once the connection has taken the last, so a slow reader
 * never makes the node hold a whole file. A failure midway cuts the response short (its headers
 * are gone already), and a reader that goes away stops the reading.
 */
final class ResponseSink implements Subscriber<ByteBuffer> {

  private final HttpServerResponse response;
  private final Context context;
  private Subscription subscription;

  ResponseSink(HttpServerResponse response, Context context) {
    this.response = response;
    this.context = context;
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription = s;
    context.runOnContext(v -> {
      response.closeHandler(closed -> s.cancel());
      s.request(1);
    });
  }

  @Override
  public void onNext(ByteBuffer chunk) {
    byte[] bytes = new byte[chunk.remaining()];
    chunk.get(bytes);
    context.runOnContext(v -> {
      if (response.closed()) {
        return;
      }
      response.write(Buffer.buffer(bytes));
      if (response.writeQueueFull()) {
        response.drainHandler(drained -> subscription.request(1));
      } else {
        subscription.request(1);
      }
    });
  }

  @Override
  public void onError(Throwable error) {
    context.runOnContext(v -> {
      if (!response.closed() && !response.ended()) {
        response.reset();
      }
    });
  }

  @Override
  public void onComplete() {
    context.runOnContext(v -> {
      if (!response.closed() && !response.ended()) {
        response.end();
      }
    });
  }
}
