package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Drains of one site never overlap on a node, and whoever asks is answered by a drain that began after it asked. */
class SiteDrainsTest {

  private final SiteDrains<Void> drains = new SiteDrains<>();
  private final List<Promise<Void>> started = new CopyOnWriteArrayList<>();

  private Future<Void> ask(String site) {
    return drains.run(site, s -> {
      Promise<Void> drain = Promise.promise();
      started.add(drain);
      return drain.future();
    });
  }

  @Test
  void askersDuringADrainShareOneNextDrainThatStartsWhenTheFirstEnds() {
    Future<Void> first = ask("demo");
    Future<Void> second = ask("demo");
    Future<Void> third = ask("demo");
    assertEquals(1, started.size(), "no second drain while one runs");
    started.get(0).complete();
    assertTrue(first.succeeded());
    assertFalse(second.isComplete(), "the second asked after the first drain began: it waits for the next");
    assertEquals(2, started.size(), "one more drain for both who asked meanwhile");
    started.get(1).complete();
    assertTrue(second.succeeded());
    assertTrue(third.succeeded());
    Future<Void> later = ask("demo");
    assertEquals(3, started.size(), "with nothing running, a drain starts at once");
    started.get(2).complete();
    assertTrue(later.succeeded());
  }

  @Test
  void sitesDrainIndependentlyAndAFailedDrainDoesNotStopTheNext() {
    Future<Void> demo = ask("demo");
    Future<Void> other = ask("other");
    assertEquals(2, started.size());
    Future<Void> waiting = ask("demo");
    started.get(0).fail("database down");
    assertTrue(demo.failed());
    assertEquals(3, started.size());
    started.get(2).complete();
    assertTrue(waiting.succeeded());
    started.get(1).complete();
    assertTrue(other.succeeded());
  }

  @Test
  void aCallerWhoWaitedIsAnsweredOnItsOwnContextNotOnTheDrainers() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Context drainer = vertx.getOrCreateContext();
      Context asker = vertx.getOrCreateContext();
      CompletableFuture<Void> asked = new CompletableFuture<>();
      CompletableFuture<Context> answeredOn = new CompletableFuture<>();
      drainer.runOnContext(v -> ask("demo"));
      while (started.isEmpty()) {
        Thread.sleep(5);
      }
      asker.runOnContext(v -> {
        ask("demo").onComplete(done -> answeredOn.complete(Vertx.currentContext()));
        asked.complete(null);
      });
      asked.get(5, TimeUnit.SECONDS);
      // Both drains are completed from the drainer's context, as a drain's database replies would be.
      drainer.runOnContext(v -> started.get(0).complete());
      while (started.size() < 2) {
        Thread.sleep(5);
      }
      drainer.runOnContext(v -> started.get(1).complete());
      assertSame(asker, answeredOn.get(5, TimeUnit.SECONDS), "answered on the asker's context");
    } finally {
      vertx.close().await();
    }
  }
}
