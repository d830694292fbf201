package org.plauder.conversation;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Appends to one conversation take turns on this node: each starts when the one before it has
 * stored its message, so two messages sent at the same moment do not both try the same seq (and
 * the loser pay for a look-up and a retry). Different conversations never wait for each other.
 * Each turn runs, and is answered, on the Vert.x context of the caller that asked for it.
 */
final class AppendTurns {

  /** Per conversation with a turn under way: the turns waiting after it. Guarded by {@code this}. */
  private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();

  <T> Future<T> inTurn(String conversationId, Supplier<Future<T>> work) {
    Context context = Vertx.currentContext();
    Promise<T> done = Promise.promise();
    Runnable run = () -> {
      Future<T> result;
      try {
        result = work.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(outcome -> {
        next(conversationId);
        done.handle(outcome);
      });
    };
    Runnable turn = context == null ? run : () -> context.runOnContext(v -> run.run());
    synchronized (this) {
      ArrayDeque<Runnable> queue = waiting.get(conversationId);
      if (queue != null) {
        queue.add(turn);
        return done.future();
      }
      waiting.put(conversationId, new ArrayDeque<>());
    }
    run.run();
    return done.future();
  }

  private void next(String conversationId) {
    Runnable turn;
    synchronized (this) {
      ArrayDeque<Runnable> queue = waiting.get(conversationId);
      turn = queue.poll();
      if (turn == null) {
        waiting.remove(conversationId);
      }
    }
    if (turn != null) {
      turn.run();
    }
  }
}
