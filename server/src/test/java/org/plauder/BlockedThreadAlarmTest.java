package org.plauder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The alarm that fails the build must itself go off when an event loop is blocked. */
class BlockedThreadAlarmTest {

  @Test
  void blockingAnEventLoopRaisesTheAlarm() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setBlockedThreadCheckInterval(50).setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    CountDownLatch done = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      long until = System.currentTimeMillis() + 600;
      while (System.currentTimeMillis() < until) {
        Thread.onSpinWait(); // deliberately blocking the event loop
      }
      done.countDown();
    });
    assertTrue(done.await(5, TimeUnit.SECONDS));
    List<String> raised = BlockedThreadAlarm.drain();
    vertx.close().await(5, TimeUnit.SECONDS);
    assertFalse(raised.isEmpty(), "the blocked event loop was reported");
  }
}
