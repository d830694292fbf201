package org.plauder.presence;

import io.vertx.core.Future;
import java.util.function.Supplier;
import org.plauder.visitor.Visitor;

/**
 * What the offer planner knows of one held visitor from the store — its offer history and whether
 * it has an open chat — read once and kept until a domain event says it changed (or, for a chat
 * requested or closed, what it changed to). Without it every
 * socket, page view, chat request and chat end re-read both, four or five reads a chat. Planners
 * that ask while a read is under way share it; a read that was under way when its fact was
 * forgotten answers its planners but is not kept. Used on the presence verticle's event loop only.
 */
final class PlanningFacts {

  /** One fact: its value once read, or the read under way. */
  private static final class Fact<T> {
    private Future<T> read;
    private int version;

    Future<T> get(Supplier<Future<T>> reader) {
      if (read != null) {
        return read;
      }
      int asked = version;
      Future<T> reading = reader.get();
      read = reading;
      reading.onComplete(done -> {
        // A missing visitor or a failed read is asked again next time.
        if (asked == version && (done.failed() || done.result() == null)) {
          read = null;
        }
      });
      return reading;
    }

    void forget() {
      read = null;
      version++;
    }

    void know(T value) {
      version++;
      read = Future.succeededFuture(value);
    }
  }

  private final Fact<Visitor> visitor = new Fact<>();
  private final Fact<Boolean> chatting = new Fact<>();

  /** The visitor as last read, or as {@code read} gives it now. */
  Future<Visitor> visitor(Supplier<Future<Visitor>> read) {
    return visitor.get(read);
  }

  /** Whether the visitor has an open chat, as last read or as {@code read} gives it now. */
  Future<Boolean> chatting(Supplier<Future<Boolean>> read) {
    return chatting.get(read);
  }

  /** An offer was shown, accepted, dismissed or withdrawn: its times in the visitor changed. */
  void forgetVisitor() {
    visitor.forget();
  }

  /** A chat was requested (true) or closed (false): a visitor has at most one open chat. */
  void knowChatting(boolean open) {
    chatting.know(open);
  }

  /** Something changed the visitor's chats in a way no event spells out. */
  void forgetChatting() {
    chatting.forget();
  }
}
