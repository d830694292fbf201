package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A query's result handed on a page at a time, each page only after the last is done with, through
 * the real driver; reading ahead, the next page is read meanwhile, and none after it.
 */
@ExtendWith(EmbeddedStore.class)
class ReactiveInPagesTest {

  private final Vertx vertx = Vertx.vertx();
  private Database db;

  @BeforeEach
  void start(Database db) {
    this.db = db;
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  private void store(int count) {
    List<Document> documents = IntStream.rangeClosed(1, count).mapToObj(n -> new Document("_id", "d" + n).append("n", n)).toList();
    if (!documents.isEmpty()) {
      await(Reactive.done(db.conversations().insertMany(documents)));
    }
  }

  /** Runs inPages on a Vert.x context, as the server does; each page is done with 20 ms later, on a timer. */
  private Future<Void> pages(int size, List<List<Integer>> seen, boolean[] overlapped, int failOnPage) {
    Promise<Void> result = Promise.promise();
    boolean[] busy = {false};
    vertx.runOnContext(v -> Reactive.inPages(db.conversations().find().batchSize(size), size, page -> {
      overlapped[0] |= busy[0];
      busy[0] = true;
      seen.add(page.stream().map(d -> d.getInteger("n")).toList());
      Promise<Void> handled = Promise.promise();
      vertx.setTimer(20, id -> {
        busy[0] = false;
        if (seen.size() == failOnPage) {
          handled.fail(new IllegalStateException("page " + failOnPage + " refused"));
        } else {
          handled.complete();
        }
      });
      return handled.future();
    }).onComplete(result));
    return result.future();
  }

  @Test
  void everyElementComesOnceInOrderAPageAtATimeAlsoWhenTheLastPageIsFull() throws Exception {
    for (int count : new int[] {2500, 2000, 0}) {
      await(Reactive.done(db.conversations().deleteMany(new Document())));
      store(count);
      List<List<Integer>> seen = new ArrayList<>();
      boolean[] overlapped = {false};
      pages(1000, seen, overlapped, -1).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertEquals(IntStream.rangeClosed(1, count).boxed().toList(), seen.stream().flatMap(List::stream).toList(), "count " + count);
      assertEquals((count + 999) / 1000, seen.size(), "pages of 1000, count " + count);
      assertFalse(overlapped[0], "a page was handed on before the last was done with");
    }
  }

  @Test
  void readingAheadThePageAfterTheOneHandledIsReadMeanwhileAndNoneAfterIt() throws Exception {
    store(3500);
    Counted<Document> query = new Counted<>(db.conversations().find().batchSize(1000));
    List<Integer> seen = new ArrayList<>();
    List<String> faults = new ArrayList<>();
    int[] pages = {0};
    boolean[] busy = {false};
    Promise<Void> result = Promise.promise();
    vertx.runOnContext(v -> Reactive.inPages(query, 1000, true, page -> {
      if (busy[0]) {
        faults.add("a page was handed on before the last was done with");
      }
      busy[0] = true;
      pages[0]++;
      page.forEach(d -> seen.add(d.getInteger("n")));
      long next = Math.min(3500, seen.size() + 1000L);
      Promise<Void> handled = Promise.promise();
      // Done with the page only once the next one has come (or after 10 s): it must be read meanwhile.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      vertx.setPeriodic(5, id -> {
        if (query.delivered.get() < next && System.nanoTime() < deadline) {
          return;
        }
        vertx.cancelTimer(id);
        if (query.delivered.get() < next) {
          faults.add("the page after " + seen.size() + " was not read meanwhile");
        }
        if (query.requested.get() > (pages[0] + 1) * 1000L) {
          faults.add(query.requested.get() + " asked for while page " + pages[0] + " was handled");
        }
        busy[0] = false;
        handled.complete();
      });
      return handled.future();
    }).onComplete(result));
    result.future().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(IntStream.rangeClosed(1, 3500).boxed().toList(), seen);
    assertEquals(List.of(), faults);
  }

  @Test
  void aPageThatFailsEndsItAndNothingAfterItIsHandedOn() throws Exception {
    store(3500);
    List<List<Integer>> seen = new ArrayList<>();
    ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> pages(1000, seen, new boolean[1], 2).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
    assertEquals("page 2 refused", failed.getCause().getMessage());
    Thread.sleep(200);
    assertEquals(2, seen.size(), "the pages after the failed one are not read");
    assertSame(IllegalStateException.class, failed.getCause().getClass());
  }

  /** A publisher that counts how many elements its subscriber asked for and how many it got. */
  private static final class Counted<T> implements Publisher<T> {
    final AtomicLong requested = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    private final Publisher<T> publisher;

    Counted(Publisher<T> publisher) {
      this.publisher = publisher;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
      publisher.subscribe(new Subscriber<T>() {
        @Override
        public void onSubscribe(Subscription s) {
          subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
              requested.addAndGet(n);
              s.request(n);
            }

            @Override
            public void cancel() {
              s.cancel();
            }
          });
        }

        @Override
        public void onNext(T item) {
          delivered.incrementAndGet();
          subscriber.onNext(item);
        }

        @Override
        public void onError(Throwable error) {
          subscriber.onError(error);
        }

        @Override
        public void onComplete() {
          subscriber.onComplete();
        }
      });
    }
  }
}
