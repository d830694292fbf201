package org.plauder.attachment;

import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** A publisher of bytes already in memory, as one buffer: the content of a file that did not come as a stream. */
final class OneBuffer implements Publisher<ByteBuffer> {

  private final byte[] bytes;

  OneBuffer(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
    subscriber.onSubscribe(new Subscription() {
      private boolean done;

      @Override
      public void request(long n) {
        if (done) {
          return;
        }
        done = true;
        if (n <= 0) {
          subscriber.onError(new IllegalArgumentException("a subscriber must ask for at least one element"));
          return;
        }
        subscriber.onNext(ByteBuffer.wrap(bytes));
        subscriber.onComplete();
      }

      @Override
      public void cancel() {
        done = true;
      }
    });
  }
}
