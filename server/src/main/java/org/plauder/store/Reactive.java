package org.plauder.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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

  /**
   * Hands the publisher's elements on in lists of {@code size}, one list at a time and in order:
   * the next list is asked for only once {@code each} is done with the last, so a long result is
   * read as fast as it is used and never held whole. Fails with the first failure of {@code each}
   * (nothing more is read) or of the driver.
   */
  public static <T> Future<Void> inPages(Publisher<T> publisher, int size, Function<List<T>, Future<Void>> each) {
    return inPages(publisher, size, false, each);
  }

  /**
   * As {@link #inPages(Publisher, int, Function)}; with {@code readAhead}, the list after the one
   * {@code each} works on is read meanwhile (the database works while the caller does), and none
   * after it: two lists at most are held.
   */
  public static <T> Future<Void> inPages(Publisher<T> publisher, int size, boolean readAhead, Function<List<T>, Future<Void>> each) {
    Consumer<Runnable> onContext = onCallersContext();
    Promise<Void> done = Promise.promise();
    publisher.subscribe(new Subscriber<T>() {
      private Subscription subscription;
      private List<T> page = new ArrayList<>(size);
      /** The lists handed on so far, one after the other. */
      private Future<Void> handed = Future.succeededFuture();

      @Override
      public void onSubscribe(Subscription s) {
        subscription = s;
        // Then one more list each time one is done with: as many as asked for here stay under way.
        s.request(readAhead ? 2L * size : size);
      }

      @Override
      public void onNext(T item) {
        page.add(item);
        if (page.size() == size) {
          List<T> full = page;
          page = new ArrayList<>(size);
          onContext.accept(() -> hand(full).onSuccess(v -> subscription.request(size)));
        }
      }

      @Override
      public void onError(Throwable error) {
        Throwable translated = DriverErrors.translate(error);
        onContext.accept(() -> done.tryFail(translated));
      }

      @Override
      public void onComplete() {
        List<T> last = page;
        onContext.accept(() -> (last.isEmpty() ? handed : hand(last)).onSuccess(v -> done.tryComplete()));
      }

      private Future<Void> hand(List<T> items) {
        handed = handed.compose(v -> each.apply(items)).onFailure(e -> {
          subscription.cancel();
          done.tryFail(e);
        });
        return handed;
      }
    });
    return done.future();
  }

  private static <T> Future<List<T>> collect(Publisher<T> publisher, long limit) {
    Promise<List<T>> promise = Promise.promise();
    Consumer<Runnable> onContext = onCallersContext();
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

  /** Runs each task on the Vert.x context that calls this; where there is none, at once. */
  private static Consumer<Runnable> onCallersContext() {
    Context context = Vertx.currentContext();
    return context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
  }
}
