package org.plauder.store;

import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The first item of a driver's publisher (or null when it is empty), for tests that talk to the database directly. */
public final class Publishers {

  private Publishers() {}

  public static <T> CompletableFuture<T> first(Publisher<T> publisher) {
    CompletableFuture<T> result = new CompletableFuture<>();
    publisher.subscribe(new Subscriber<T>() {
      @Override
      public void onSubscribe(Subscription s) {
        s.request(1);
      }

      @Override
      public void onNext(T value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        result.complete(null);
      }
    });
    return result;
  }

  /** Every item of a driver's publisher, in order. */
  public static <T> CompletableFuture<java.util.List<T>> all(Publisher<T> publisher) {
    CompletableFuture<java.util.List<T>> result = new CompletableFuture<>();
    java.util.List<T> items = new java.util.ArrayList<>();
    publisher.subscribe(new Subscriber<T>() {
      @Override
      public void onSubscribe(Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(T value) {
        items.add(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        result.complete(items);
      }
    });
    return result;
  }

  /** The bytes in slices of {@code size}, as many as the subscriber asks for at a time. */
  public static Publisher<java.nio.ByteBuffer> slices(byte[] content, int size) {
    java.util.List<java.nio.ByteBuffer> parts = new java.util.ArrayList<>();
    for (int at = 0; at < content.length; at += size) {
      parts.add(java.nio.ByteBuffer.wrap(content, at, Math.min(size, content.length - at)));
    }
    return subscriber -> subscriber.onSubscribe(new Subscription() {
      private int next;
      private boolean finished;

      @Override
      public synchronized void request(long n) {
        for (long i = 0; i < n && next < parts.size() && !finished; i++) {
          subscriber.onNext(parts.get(next++));
        }
        if (next == parts.size() && !finished) {
          finished = true;
          subscriber.onComplete();
        }
      }

      @Override
      public synchronized void cancel() {
        finished = true;
      }
    });
  }
}
