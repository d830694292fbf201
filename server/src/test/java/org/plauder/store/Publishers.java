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
}
