package org.plauder.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.QueuedChat;

/**
 * This node's new chats on their way into the queue: stored (queued, with their ticket) but without
 * a queue entry yet. The site's next drain takes them behind every chat already waiting; one that
 * an agent takes at once never gets an entry, one that has to wait gets it before the drain ends.
 * Until then the chat is unrouted, and whoever must not act before its entry exists waits
 * ({@link #whenRouted}): the first message's queue card is written onto the entry, not beside it.
 * A crash in between loses nothing: the start-up gives every queued chat with a ticket its entry.
 */
final class Arrivals {

  private final Map<String, List<Conversation>> bySite = new ConcurrentHashMap<>();
  private final Map<String, Promise<Void>> unrouted = new ConcurrentHashMap<>();

  /** A new chat that will go to its preferred agent or to the site's next drain, and until then is unrouted. */
  void expect(String conversationId) {
    unrouted.put(conversationId, Promise.promise());
  }

  /**
   * Routes a new chat that was {@link #expect expected}: taken by its preferred agent ({@code preferred}'s
   * result), or else — also when {@code preferred} failed — into the site's next drain ({@code drainQueue}),
   * which assigns it or queues it. Answers the chats assigned with it, by id, or {@code preferred}'s failure.
   */
  Future<Map<String, Conversation>> route(Conversation c, Future<Conversation> preferred,
      Function<String, Future<Map<String, Conversation>>> drainQueue) {
    return preferred.transform(tried -> {
      Conversation taken = tried.succeeded() ? tried.result() : null;
      if (taken != null) {
        routed(c.id());
        return Future.succeededFuture(Map.of(c.id(), taken));
      }
      arrive(c);
      return drainQueue.apply(c.siteKey()).compose(assigned -> tried.failed() ? Future.failedFuture(tried.cause())
          : Future.succeededFuture(assigned));
    });
  }

  /** The new chat joins the site's next drain. */
  private void arrive(Conversation c) {
    bySite.compute(c.siteKey(), (site, list) -> {
      List<Conversation> arrived = list == null ? new ArrayList<>() : list;
      arrived.add(c);
      return arrived;
    });
  }

  /** The site's chats that arrived since the last drain took them, oldest ticket first. */
  List<Conversation> take(String siteKey) {
    List<Conversation> taken = bySite.remove(siteKey);
    if (taken == null) {
      return List.of();
    }
    taken.sort(Comparator.comparingLong(Conversation::queueTicket));
    return taken;
  }

  /** These chats were assigned, or have their queue entry now. */
  void routed(List<Conversation> chats) {
    chats.forEach(c -> routed(c.id()));
  }

  void routed(String conversationId) {
    Promise<Void> waiting = unrouted.remove(conversationId);
    if (waiting != null) {
      waiting.complete();
    }
  }

  /** Completes, on the caller's context, once this node's new chat is assigned or queued; at once for any other chat. */
  Future<Void> whenRouted(String conversationId) {
    Promise<Void> waiting = unrouted.get(conversationId);
    return waiting == null ? Future.succeededFuture() : SiteDrains.onCallersContext(waiting.future());
  }

  /** A chat that arrived, as the drain plans it among the waiting ones. */
  static QueuedChat asQueued(Conversation c) {
    return new QueuedChat(c.id(), c.visitorId(), c.visitorName(), c.createdAt(), c.needs(), null, c.channel());
  }
}
