package org.plauder.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a worker's visitors and agents do in each scenario: arrive, chat, ask for chats, and how each reply is counted. */
final class Traffic {

  private final Vertx vertx;
  private final Cast cast;
  private final Stats stats;
  private long nextMessage;
  private int nextVisitor;
  private int nextAgent;

  Traffic(Vertx vertx, Cast cast, Stats stats) {
    this.vertx = vertx;
    this.cast = cast;
    this.stats = stats;
  }

  /** Set-up, not measured: {@code count} visitors arrive (page view included), and ask for a chat if told to. */
  Future<Void> arriveAll(int count, int concurrency, boolean requestChat) {
    return OpenLoop.limited(count, concurrency, i -> cast.arrive(true)
        .compose(v -> requestChat ? requestChat(v) : Future.succeededFuture())
        .onSuccess(v -> stats.count("arrived"))
        .onFailure(e -> stats.error("arrive: " + e.getMessage())));
  }

  private Future<Void> requestChat(Cast.Visitor v) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    v.socket.request("visitor.requestChat", v.token, new JsonObject(), (body, error, nanos) -> {
      if (error != null) {
        done.fail("requestChat: " + error);
        return;
      }
      stats.count("chatStatus." + body.getString("status"));
      if ("active".equals(body.getString("status"))) {
        v.conversationId = body.getJsonObject("conversation").getString("id");
      }
      done.complete();
    });
    return done.future();
  }

  /**
   * Open loop: {@code rate} messages a second for {@code seconds}, every other one from a
   * visitor in its chat and the rest from agents in theirs (round robin), each acked by the
   * server and pushed to the other side.
   */
  Future<Long> messages(double rate, double seconds) {
    List<Cast.Visitor> chatting = cast.visitors.stream().filter(v -> v.conversationId != null).toList();
    List<Cast.Agent> serving = cast.agents.stream().filter(a -> !a.conversations.isEmpty()).toList();
    if (chatting.isEmpty() && serving.isEmpty()) {
      return Future.failedFuture("nobody of this worker is in a chat");
    }
    return OpenLoop.run(vertx, rate, Math.round(rate * seconds), n -> {
      boolean fromVisitor = serving.isEmpty() || (n % 2 == 0 && !chatting.isEmpty());
      String clientMsgId = "L" + System.nanoTime() + "-" + nextMessage++;
      JsonObject body = new JsonObject().put("text", "Lasttest " + nextMessage).put("clientMsgId", clientMsgId);
      if (fromVisitor) {
        Cast.Visitor v = chatting.get(nextVisitor++ % chatting.size());
        v.socket.request("visitor.send", v.token, body.put("conversationId", v.conversationId), this::acked);
      } else {
        Cast.Agent a = serving.get(nextAgent++ % serving.size());
        String conversationId = a.conversations.get(a.nextConversation++ % a.conversations.size());
        a.socket.request("agent.send", a.token, body.put("conversationId", conversationId), this::acked);
      }
      stats.count("sent");
    }).map(nanos -> Math.round(rate * seconds));
  }

  private void acked(JsonObject body, String error, long nanos) {
    if (error == null) {
      stats.count("acked");
      stats.record("ack", nanos);
    } else {
      countFailure(error);
    }
  }

  private void countFailure(String error) {
    if (LoadSocket.TIMEOUT.equals(error)) {
      stats.count("lostReplies");
    } else {
      stats.count("failedReplies");
      stats.error(error);
    }
  }

  /** Open loop: each visitor of this worker without a chat asks for one, {@code rate} a second. */
  Future<Long> chatRequests(double rate) {
    List<Cast.Visitor> waiting = cast.visitors.stream().filter(v -> v.conversationId == null && v.chatRequestedNanos == 0).toList();
    return OpenLoop.run(vertx, rate, waiting.size(), n -> {
      Cast.Visitor v = waiting.get((int) n);
      v.chatRequestedNanos = System.nanoTime();
      stats.count("sent");
      v.socket.request("visitor.requestChat", v.token, new JsonObject(), (body, error, nanos) -> {
        if (error != null) {
          countFailure(error);
          return;
        }
        stats.record("chatReply", nanos);
        stats.count("acked");
        stats.count("chatStatus." + body.getString("status"));
      });
    }).map(nanos -> (long) waiting.size());
  }

  /**
   * Every visitor of this worker in a chat ends it ({@code visitor.close}), and its agents forget
   * their chats: after a warm-up, once every warm-up chat was assigned, so none is still coming.
   * The visitors keep their request time and are not asked to request again.
   */
  Future<Integer> endChats() {
    List<Cast.Visitor> chatting = cast.visitors.stream().filter(v -> v.conversationId != null).toList();
    return OpenLoop.limited(chatting.size(), 20, i -> {
      Cast.Visitor v = chatting.get((int) i);
      io.vertx.core.Promise<Void> ended = io.vertx.core.Promise.promise();
      v.socket.request("visitor.close", v.token, new JsonObject().put("conversationId", v.conversationId), (body, error, nanos) -> {
        if (error != null) {
          ended.fail("visitor.close: " + error);
          return;
        }
        v.conversationId = null;
        ended.complete();
      });
      return ended.future();
    }).map(done -> {
      cast.agents.forEach(a -> a.conversations.clear());
      return chatting.size();
    });
  }

  /** Open loop: {@code rate} new visitors a second for {@code seconds}, each timed from its start to its page view's reply. */
  Future<Long> sessions(double rate, double seconds) {
    long total = Math.round(rate * seconds);
    return OpenLoop.run(vertx, rate, total, n -> {
      long start = System.nanoTime();
      stats.count("sent");
      cast.arrive(true).timeout(Cast.LOST_AFTER_NANOS, TimeUnit.NANOSECONDS).onComplete(v -> {
        stats.count("acked");
        stats.record("setup", System.nanoTime() - start);
      }, error -> {
        String message = String.valueOf(error.getMessage());
        countFailure(message.toLowerCase(java.util.Locale.ROOT).contains("timeout")
            || message.contains("timed out") ? LoadSocket.TIMEOUT : message);
      });
    }).map(nanos -> total);
  }

  /** How many visitors this worker's first agent sees online in its live-visitors list ({@code agent.visitors}). */
  Future<Integer> onlineVisitorsSeenByAgent() {
    if (cast.agents.isEmpty()) {
      return Future.failedFuture("this worker has no agent");
    }
    Cast.Agent a = cast.agents.get(0);
    io.vertx.core.Promise<Integer> seen = io.vertx.core.Promise.promise();
    a.socket.request("agent.visitors", a.token, new JsonObject(), (body, error, nanos) -> {
      if (error == null) {
        // The list carries the latest 100 in full and the count of all; a server from before that sent them all.
        seen.complete(body.containsKey("total") ? body.getInteger("total") : body.getJsonArray("visitors").size());
      } else {
        seen.fail("agent.visitors: " + error);
      }
    });
    return seen.future();
  }

  /**
   * What a dashboard and a widget do when they (re)load: agents ask for their active chats
   * ({@code agent.conversations}), visitors without a chat for their open one ({@code visitor.history}).
   * Counts the chats the pushes had not told of.
   */
  Future<Void> refreshChats() {
    List<Future<?>> asked = new java.util.ArrayList<>();
    for (Cast.Agent a : cast.agents) {
      io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
      a.socket.request("agent.conversations", a.token, new JsonObject(), (body, error, nanos) -> {
        if (error == null) {
          for (Object c : body.getJsonArray("active")) {
            String id = ((JsonObject) c).getString("id");
            if (!a.conversations.contains(id)) {
              a.conversations.add(id);
              stats.count("chatsNotPushedToAgents");
            }
          }
        } else {
          stats.error("refreshChats: agent.conversations: " + error); // the set-up check counts the chats
        }
        done.complete();
      });
      asked.add(done.future());
    }
    for (Cast.Visitor v : cast.visitors) {
      if (v.conversationId != null) {
        continue;
      }
      io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
      v.socket.request("visitor.history", v.token, new JsonObject(), (body, error, nanos) -> {
        if (error == null && body.getJsonObject("conversation") != null && "active".equals(body.getString("status"))) {
          v.conversationId = body.getJsonObject("conversation").getString("id");
          stats.count("chatsNotPushedToVisitors");
        }
        done.complete();
      });
      asked.add(done.future());
    }
    return Future.join(asked).mapEmpty();
  }
}
