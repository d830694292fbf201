package org.plauder.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The visitors and agents one worker plays, each from its own loopback source address (the
 * server limits by address, and real visitors come from many): minted over HTTP, connected to
 * the bridge, registered on their inbox, kept alive with pings, and what their pushes say
 * recorded in {@link Stats}.
 */
final class Cast {

  /** Pushes later than this count as lost, like replies. */
  static final long LOST_AFTER_NANOS = 30_000_000_000L;

  /** One visitor: its identity, socket, and its chat once it has one. */
  static final class Visitor {
    String id;
    String token;
    LoadSocket socket;
    String conversationId;
    long chatRequestedNanos;
    boolean assignedHeard;
  }

  /** One agent: its socket and the chats the server gave it. */
  static final class Agent {
    String id;
    String token;
    LoadSocket socket;
    final List<String> conversations = new ArrayList<>();
    int nextConversation;
  }

  private final Vertx vertx;
  private final int port;
  private final String origin;
  private final String siteKey;
  private final int workerIndex;
  private final Stats stats;
  private int nextAddress;
  final List<Visitor> visitors = new ArrayList<>();
  final List<Agent> agents = new ArrayList<>();

  Cast(Vertx vertx, int port, String origin, String siteKey, int workerIndex, Stats stats) {
    this.vertx = vertx;
    this.port = port;
    this.origin = origin;
    this.siteKey = siteKey;
    this.workerIndex = workerIndex;
    this.stats = stats;
  }

  /**
   * The next source address of this worker: worker w owns 127.(w+1).0.0/16 (127.0.0.1 is the
   * server's), so no two workers, and no two people of a worker, share an address.
   */
  private String nextSourceAddress() {
    int n = nextAddress++;
    if (n >= 250 * 256) {
      throw new IllegalStateException("worker " + workerIndex + " ran out of source addresses");
    }
    return "127." + (workerIndex + 1) + "." + (n / 250) + "." + (n % 250 + 1);
  }

  /** A new visitor, as the widget does it: mint, connect, register the inbox, then (optionally) report a page view. */
  Future<Visitor> arrive(boolean pageView) {
    // One client bound to the visitor's address serves its mint and its socket (a new connection each, as in a browser).
    NetClient client = LoadSocket.boundClient(vertx, nextSourceAddress());
    Visitor v = new Visitor();
    long[] phaseStart = {System.nanoTime()};
    return Mint.post(client, port, siteKey, origin).compose(minted -> {
      phaseStart[0] = stats.lap("setupMint", phaseStart[0]);
      v.id = minted.getString("visitorId");
      v.token = minted.getString("token");
      return LoadSocket.connect(client, port, origin);
    }).onFailure(e -> client.close()).compose(socket -> {
      phaseStart[0] = stats.lap("setupConnect", phaseStart[0]);
      v.socket = socket;
      visitors.add(v);
      socket.onPush(push -> onVisitorPush(v, push));
      socket.register("visitor." + v.id, v.token);
      return pageView ? pageView(v).onSuccess(viewed -> stats.lap("setupPageView", phaseStart[0])) : Future.succeededFuture(v);
    });
  }

  private Future<Visitor> pageView(Visitor v) {
    io.vertx.core.Promise<Visitor> viewed = io.vertx.core.Promise.promise();
    JsonObject page = new JsonObject().put("url", origin + "/demo/produkt.html").put("title", "Produkt").put("language", "de");
    v.socket.request("visitor.pageView", v.token, page, (body, error, nanos) -> {
      if (error == null) {
        viewed.complete(v);
      } else {
        viewed.fail("pageView: " + error);
      }
    });
    return viewed.future();
  }

  /** An agent created by the coordinator goes online on its own socket. */
  Future<Agent> agentOnline(String id, String token) {
    Agent a = new Agent();
    a.id = id;
    a.token = token;
    return LoadSocket.connect(vertx, nextSourceAddress(), port, origin).compose(socket -> {
      a.socket = socket;
      agents.add(a);
      socket.onPush(push -> onAgentPush(a, push));
      socket.register("agent." + id, token);
      io.vertx.core.Promise<Agent> online = io.vertx.core.Promise.promise();
      socket.request("agent.status", token, new JsonObject().put("status", "online"), (body, error, nanos) -> {
        if (error == null) {
          online.complete(a);
        } else {
          // Whether the socket is still open and what the server refused tell a lost reply from a refused send.
          online.fail("agent.status: " + error + " (socket " + (socket.isClosed() ? "closed" : "open") + ", "
              + socket.errorFrames + " error frames" + (socket.firstErrorFrame == null ? "" : ", the first " + socket.firstErrorFrame) + ")");
        }
      });
      return online.future();
    });
  }

  private void onVisitorPush(Visitor v, JsonObject push) {
    switch (push.getString("type", "")) {
      case "message" -> onMessage(push.getJsonObject("message"), "visitor");
      case "assigned" -> {
        v.conversationId = push.getJsonObject("conversation").getString("id");
        if (v.chatRequestedNanos != 0 && !v.assignedHeard) {
          v.assignedHeard = true;
          long nanos = System.nanoTime() - v.chatRequestedNanos;
          stats.count(nanos <= LOST_AFTER_NANOS ? "assignedPushes" : "assignedPushesLate");
          stats.record("assignedPush", nanos);
        }
      }
      default -> { }
    }
  }

  private void onAgentPush(Agent a, JsonObject push) {
    String type = push.getString("type", "");
    // What the dashboards are sent, by kind: broadcasts to every agent of the site cost more than the routing they report.
    stats.count("agentPushes." + type);
    stats.count("agentPushChars." + type, a.socket.frameChars());
    switch (type) {
      case "message" -> onMessage(push.getJsonObject("message"), "agent");
      case "assigned" -> {
        a.conversations.add(push.getJsonObject("conversation").getString("id"));
        stats.count("assignedToAgents");
        stats.max("maxChatsOfOneAgent", a.conversations.size());
      }
      default -> { }
    }
  }

  /**
   * A message push from the other side: the sender put its System.nanoTime() into the
   * clientMsgId ("L<nanos>-<n>"). On Linux that clock is CLOCK_MONOTONIC, the same in every
   * process of the machine, so the latency holds across worker processes.
   */
  private void onMessage(JsonObject message, String receiver) {
    String clientMsgId = message.getString("clientMsgId", "");
    if (receiver.equals(message.getString("sender")) || !clientMsgId.startsWith("L")) {
      return; // the echo of one's own message, or not ours
    }
    long sent = Long.parseLong(clientMsgId.substring(1, clientMsgId.indexOf('-')));
    long nanos = System.nanoTime() - sent;
    stats.count(nanos <= LOST_AFTER_NANOS ? "pushes" : "pushesLate");
    stats.record("push", nanos);
  }

  /** Called every 100 ms: ticks in a visitor's ping interval (the widget's 25 s) and an agent's (the dashboard's 5 s). */
  static final int VISITOR_PING_TICKS = 250;
  static final int AGENT_PING_TICKS = 50;

  /** Pings the slice of sockets whose turn it is, so each pings once per its kind's interval, spread evenly. */
  void pingSlice(long tick) {
    int visitorSlice = (int) (tick % VISITOR_PING_TICKS);
    for (int i = visitorSlice; i < visitors.size(); i += VISITOR_PING_TICKS) {
      visitors.get(i).socket.ping();
    }
    int agentSlice = (int) (tick % AGENT_PING_TICKS);
    for (int i = agentSlice; i < agents.size(); i += AGENT_PING_TICKS) {
      agents.get(i).socket.ping();
    }
  }

  void expire(long now) {
    visitors.forEach(v -> v.socket.expire(now, LOST_AFTER_NANOS));
    agents.forEach(a -> a.socket.expire(now, LOST_AFTER_NANOS));
  }

  long pendingReplies() {
    return visitors.stream().mapToLong(v -> v.socket.pendingCount()).sum()
        + agents.stream().mapToLong(a -> a.socket.pendingCount()).sum();
  }

  /** Late replies, stray error frames and sockets the server closed, counted since the last call. */
  void countSocketEvents() {
    List<LoadSocket> sockets = new ArrayList<>();
    visitors.forEach(v -> sockets.add(v.socket));
    agents.forEach(a -> sockets.add(a.socket));
    for (LoadSocket s : sockets) {
      stats.count("lateReplies", s.lateReplies);
      stats.count("errorFrames", s.errorFrames);
      s.lateReplies = 0;
      s.errorFrames = 0;
      if (s.isClosed()) {
        stats.count("closedSockets");
      }
    }
  }

  Future<Void> leaveAll() {
    List<Future<?>> closed = new ArrayList<>();
    visitors.forEach(v -> closed.add(v.socket.close()));
    agents.forEach(a -> closed.add(a.socket.close()));
    visitors.clear();
    agents.clear();
    return Future.join(closed).mapEmpty();
  }
}
