package org.plauder.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Turns the MongoDB driver's publishers into Vert.x futures. Results are handed back on the
 * Vert.x context that asked, so callers never see a driver thread; failures arrive as the store's
 * own {@link AlreadyExists} and {@link DatabaseUnavailable}, never as driver exceptions.
 */
public final class Reactive {

  private Reactive() {}

  /** The first element, or null when the publisher completes empty. */
  public static <T> Future<T> first(Publisher<T> publisher) {
    return collect(publisher, 1).map(list -> list.isEmpty() ? null : list.get(0));
  }

  /** Every element, in order. */
  public static <T> Future<List<T>> list(Publisher<T> publisher) {
    return collect(publisher, Long.MAX_VALUE);
  }

  /** Completes once the publisher has completed; its elements are ignored. */
  public static <T> Future<Void> done(Publisher<T> publisher) {
    return collect(publisher, Long.MAX_VALUE).mapEmpty();
  }

  private static <T> Future<List<T>> collect(Publisher<T> publisher, long limit) {
    Context context = Vertx.currentContext();
    Promise<List<T>> promise = Promise.promise();
    Consumer<Runnable> onContext = context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
    publisher.subscribe(new Subscriber<T>() {
      private final List<T> items = new ArrayList<>();
      private Subscription subscription;
      private boolean finished;

      @Override
      public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(limit);
      }

      @Override
      public void onNext(T item) {
        if (finished) {
          return;
        }
        items.add(item);
        if (items.size() >= limit) {
          finished = true;
          subscription.cancel();
          onContext.accept(() -> promise.tryComplete(items));
        }
      }

      @Override
      public void onError(Throwable error) {
        if (!finished) {
          finished = true;
          Throwable translated = DriverErrors.translate(error);
          onContext.accept(() -> promise.tryFail(translated));
        }
      }

      @Override
      public void onComplete() {
        if (!finished) {
          finished = true;
          onContext.accept(() -> promise.tryComplete(items));
        }
      }
    });
    return promise.future();
  }
}
