package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

  /** Reads that the test completes by hand, in the order they were started. */
  private final List<Promise<String>> started = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private final SharedReads<String, String> reads = new SharedReads<>(key -> {
    Promise<String> p = Promise.promise();
    started.add(p);
    keys.add(key);
    return p.future();
  });

  @Test
  void callersDuringAReadShareTheNextReadWhichStartsAfterIt() {
    Future<String> first = reads.get("demo");
    Future<String> second = reads.get("demo");
    Future<String> third = reads.get("demo");
    assertEquals(1, started.size(), "the later callers wait: their answer must not predate their question");

    started.get(0).complete("before");
    assertEquals("before", first.result());
    assertFalse(second.isComplete());
    assertEquals(2, started.size(), "one read for both waiting callers");

    started.get(1).complete("after");
    assertEquals("after", second.result());
    assertEquals("after", third.result());
    assertEquals(2, started.size());

    Future<String> later = reads.get("demo");
    assertEquals(3, started.size(), "nothing under way: a new read at once");
    started.get(2).complete("later");
    assertEquals("later", later.result());
  }

  @Test
  void differentKeysAreReadApart() {
    Future<String> demo = reads.get("demo");
    Future<String> shop = reads.get("shop");
    assertEquals(List.of("demo", "shop"), keys);
    started.get(1).complete("shop's");
    started.get(0).complete("demo's");
    assertEquals("demo's", demo.result());
    assertEquals("shop's", shop.result());
  }

  @Test
  void aFailedReadFailsItsCallersAndTheNextReadStillRuns() {
    Future<String> first = reads.get("demo");
    Future<String> waiting = reads.get("demo");
    started.get(0).fail(new DatabaseUnavailable(new IllegalStateException("down")));
    assertTrue(first.failed());
    assertEquals(2, started.size());
    started.get(1).complete("back");
    assertEquals("back", waiting.result());
  }
}
