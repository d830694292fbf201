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
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A query's result handed on a page at a time, each page only after the last is done with, through the real driver. */
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
}
