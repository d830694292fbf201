package org.plauder;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.plauder.load.LoadSocket;

/**
 * Visitors and agents chatting through a load balancer the way the widget and the dashboard do:
 * on a lost socket they reconnect, register their inbox again and resend what was not
 * acknowledged under the same {@code clientMsgId}; an agent says it is online again. All of them
 * run on one event loop, driven by a tick; nothing here blocks.
 */
final class FailoverCrowd {

  /**
   * A reply lost with its node is noticed when the socket closes; a request on a live socket is
   * only given up late: 200 chats started within seconds keep the queue's drain busy for tens of
   * seconds on the embedded database (every assignment waits for its journal sync).
   */
  static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** What every client has in common: a socket through the balancer from its own source address. */
  abstract class Client {
    final String id;
    final String token;
    final String source;
    LoadSocket socket;
    boolean connecting;
    boolean ready;
    long retryAt;
    String inFlight;
    long nextSendAt;
    /** Set when a socket that had been open was lost: this client was on the node that died. */
    volatile long lostAt;
    volatile long reconnectedAt;

    Client(String id, String token, String source) {
      this.id = id;
      this.token = token;
      this.source = source;
    }

    abstract String inbox();

    abstract void onOpen();

    abstract void onPush(JsonObject push);

    abstract void act(long now);

    void tick(long now) {
      if (socket != null && socket.isClosed()) {
        socket.expire(now, 0); // whatever was on its way gets no reply: fail it now and resend
        socket = null;
        ready = false;
        if (lostAt == 0) {
          lostAt = now;
        }
        retryAt = now + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(800));
      }
      if (socket == null) {
        if (!connecting && now >= retryAt) {
          connect(now);
        }
        return;
      }
      socket.expire(now, REQUEST_TIMEOUT_NANOS);
      if (ready) {
        act(now);
      }
    }

    long lateReplies() {
      return socket == null ? 0 : socket.lateReplies;
    }

    private void connect(long now) {
      connecting = true;
      LoadSocket.connect(vertx, source, port, origin).onComplete(opened -> {
        connecting = false;
        if (opened.failed()) {
          retryAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(700));
          return;
        }
        socket = opened.result();
        socket.onPush(this::onPush);
        socket.register(inbox(), token);
        if (lostAt != 0) {
          reconnectedAt = System.nanoTime();
          reconnects++;
        }
        onOpen();
      });
    }

    /** Sends a message under {@code clientMsgId} until it is acknowledged. */
    void sendMessage(String address, JsonObject body, String clientMsgId, Runnable onAck) {
      inFlight = clientMsgId;
      socket.request(address, token, body.put("clientMsgId", clientMsgId), (reply, error, nanos) -> {
        inFlight = null;
        if (error != null) {
          failures.merge(address + ": " + error.replaceAll("__vertx\\.reply\\.[0-9a-f-]+", "…"), 1, Integer::sum);
          // as the client core does: a refusal for too many requests waits longer than a lost reply
          int pause = error.startsWith("rate_limited") ? 3000 : 300;
          nextSendAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause + random.nextInt(500));
          return;
        }
        String conversation = reply.getString("conversationId", reply.getJsonObject("conversation") == null ? null
            : reply.getJsonObject("conversation").getString("id"));
        if (conversation == null) { // e.g. "offline": no agent online when it asked
          failures.merge("no conversation: " + reply.getString("status"), 1, Integer::sum);
          nextSendAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
          return;
        }
        long seq = reply.containsKey("seq") ? reply.getLong("seq") : 1;
        acked.computeIfAbsent(conversation, c -> new ConcurrentHashMap<>()).put(clientMsgId, seq);
        onAck.run();
      });
    }
  }

  final class Visitor extends Client {
    final int index;
    volatile String conversationId;
    volatile int next = 1;

    Visitor(int index, String id, String token, String source) {
      super(id, token, source);
      this.index = index;
      // visitors do not all arrive in the same millisecond
      this.nextSendAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(5000));
    }

    @Override
    String inbox() {
      return "visitor." + id;
    }

    @Override
    void onOpen() {
      ready = true;
    }

    @Override
    void onPush(JsonObject push) {
      // the agent's replies and our own messages; the test reads the transcript in the end
    }

    @Override
    void act(long now) {
      if (inFlight != null || next > messagesPerVisitor || now < nextSendAt || agentsOnline < agents.size()) {
        return;
      }
      if (next == messagesPerVisitor && agents.stream().anyMatch(a -> a.lostAt != 0 && a.onlineAgainAt == 0)) {
        return; // the last message waits for every agent to be back, so each one has a new message to receive
      }
      String clientMsgId = "v" + index + "-" + next;
      JsonObject body = new JsonObject().put("text", "Frage " + next + " von Besucher " + index);
      String address = conversationId == null ? "visitor.requestChat" : "visitor.send";
      if (conversationId != null) {
        body.put("conversationId", conversationId);
      }
      sendMessage(address, body, clientMsgId, () -> {
        if (conversationId == null) {
          conversationId = acked.entrySet().stream().filter(e -> e.getValue().containsKey(clientMsgId))
              .map(Map.Entry::getKey).findFirst().orElseThrow();
        }
        next++;
        nextSendAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700 + random.nextInt(600));
      });
    }

    boolean done() {
      return next > messagesPerVisitor;
    }
  }

  final class Agent extends Client {
    final int index;
    final List<String> chats = new ArrayList<>();
    int replies;
    int turn;
    volatile String statusAfterReconnect;
    volatile long onlineAgainAt;
    volatile long firstMessageAfterReconnect;

    Agent(int index, String id, String token, String source) {
      super(id, token, source);
      this.index = index;
    }

    @Override
    String inbox() {
      return "agent." + id;
    }

    @Override
    void onOpen() {
      // As the dashboard does after every (re)connect: say it is online, then read its chats.
      socket.request("agent.status", token, new JsonObject().put("status", "online").put("maxChats", maxChats), (reply, error, n) -> {
        if (error != null) {
          failures.merge("agent.status: " + error, 1, Integer::sum);
          socket.close(); // try again on a new socket
          return;
        }
        if (lostAt != 0) {
          statusAfterReconnect = reply.getJsonObject("agent").getString("status");
          onlineAgainAt = System.nanoTime();
        } else {
          agentsOnline++;
        }
        socket.request("agent.conversations", token, new JsonObject(), (list, e2, n2) -> {
          if (list != null) {
            list.getJsonArray("active").forEach(c -> addChat(((JsonObject) c).getString("id")));
          }
          ready = true;
        });
      });
    }

    private void addChat(String conversationId) {
      if (!chats.contains(conversationId)) {
        chats.add(conversationId);
      }
    }

    @Override
    void onPush(JsonObject push) {
      if ("assigned".equals(push.getString("type"))) {
        addChat(push.getJsonObject("conversation").getString("id"));
      } else if ("message".equals(push.getString("type")) && onlineAgainAt != 0 && firstMessageAfterReconnect == 0
          && "visitor".equals(push.getJsonObject("message").getString("sender"))) {
        firstMessageAfterReconnect = System.nanoTime();
      }
    }

    @Override
    void act(long now) {
      if (inFlight != null || chats.isEmpty() || now < nextSendAt || visitorsDone()) {
        return;
      }
      String chat = chats.get(turn++ % chats.size());
      sendMessage("agent.send", new JsonObject().put("conversationId", chat).put("text", "Antwort " + (replies + 1)),
          "a" + index + "-" + (replies + 1), () -> {
            replies++;
            nextSendAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400 + random.nextInt(300));
          });
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final int port;
  private final String origin;
  private final int messagesPerVisitor;
  private final int maxChats;
  private final Random random = new Random(12);
  final List<Visitor> visitors = new ArrayList<>();
  final List<Agent> agents = new ArrayList<>();
  /** Every acknowledged message: conversation → clientMsgId → the seq its ack gave. */
  final Map<String, Map<String, Long>> acked = new ConcurrentHashMap<>();
  /** Failed requests by reason (they were resent). */
  final Map<String, Integer> failures = new ConcurrentHashMap<>();
  volatile int agentsOnline;
  volatile int reconnects;
  private final Promise<Void> finished = Promise.promise();

  FailoverCrowd(Vertx vertx, int port, int messagesPerVisitor, int maxChats) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.port = port;
    this.origin = "http://127.0.0.1:" + port;
    this.messagesPerVisitor = messagesPerVisitor;
    this.maxChats = maxChats;
  }

  /** Clients come from 127.0.0.2 … 127.0.0.21, ten or so per address, as from many households. */
  private static String source(int n) {
    return "127.0.0." + (2 + n % 20);
  }

  void addAgent(String id, String token) {
    agents.add(new Agent(agents.size(), id, token, source(agents.size())));
  }

  void addVisitor(String id, String token) {
    visitors.add(new Visitor(visitors.size(), id, token, source(visitors.size())));
  }

  /** Starts everyone; completes when every visitor has all its messages acknowledged and every agent is idle. */
  Future<Void> run() {
    context.runOnContext(v -> {
      vertx.setPeriodic(50, id -> {
        long now = System.nanoTime();
        agents.forEach(a -> a.tick(now));
        visitors.forEach(c -> c.tick(now));
        if (visitorsDone() && agents.stream().allMatch(a -> a.ready && a.inFlight == null) && finished.tryComplete()) {
          vertx.cancelTimer(id);
        }
      });
      vertx.setPeriodic(4000, id -> {
        if (!finished.future().isComplete()) {
          agents.forEach(a -> ping(a));
          visitors.forEach(c -> ping(c));
        }
      });
    });
    return finished.future();
  }

  private static void ping(Client client) {
    if (client.socket != null && !client.socket.isClosed()) {
      client.socket.ping();
    }
  }

  /** How many visitors have at least {@code n} messages acknowledged (read from any thread, roughly). */
  int visitorsPast(int n) {
    int count = 0;
    for (Visitor v : visitors) {
      if (v.next > n) {
        count++;
      }
    }
    return count;
  }

  boolean visitorsDone() {
    return visitors.stream().allMatch(Visitor::done);
  }

  /** Closes every socket, on the crowd's event loop. */
  Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    context.runOnContext(v -> {
      List<Future<Void>> all = new ArrayList<>();
      agents.forEach(a -> all.add(a.socket == null ? Future.succeededFuture() : a.socket.close()));
      visitors.forEach(c -> all.add(c.socket == null ? Future.succeededFuture() : c.socket.close()));
      Future.join(all).<Void>mapEmpty().onComplete(closed);
    });
    return closed.future();
  }
}
