package org.plauder;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Speaks the event-bus bridge's JSON frames over the raw SockJS WebSocket endpoint
 * ({@code /eventbus/websocket}), exactly as a browser's bridge client would.
 */
public final class BridgeClient implements AutoCloseable {

  /** A failed reply or an error frame from the bridge. */
  public static final class BridgeError extends RuntimeException {
    public final int failureCode;

    BridgeError(int failureCode, String message) {
      super(message, null, false, false);
      this.failureCode = failureCode;
    }

    /** The machine code before the colon, e.g. {@code token_expired}. */
    public String code() {
      String m = getMessage();
      int colon = m == null ? -1 : m.indexOf(':');
      return colon < 0 ? m : m.substring(0, colon);
    }
  }

  private final Vertx vertx;
  private final WebSocketClient client; // held so Vert.x does not close it mid-handshake
  private final WebSocket socket;
  private final long pingTimer;
  private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<JsonObject> pushes = new CopyOnWriteArrayList<>();
  private final List<Map.Entry<Predicate<JsonObject>, Promise<JsonObject>>> waiters = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Promise<String> closed = Promise.promise();
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  private final List<String> repeatedReplies = new CopyOnWriteArrayList<>();

  private BridgeClient(Vertx vertx, WebSocketClient client, WebSocket socket) {
    this.vertx = vertx;
    this.client = client;
    this.socket = socket;
    // The raw SockJS transport may send binary frames; read both kinds.
    socket.handler(buffer -> onFrame(buffer.toString(java.nio.charset.StandardCharsets.UTF_8)));
    socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode() + " " + socket.closeReason()));
    this.pingTimer = vertx.setPeriodic(4000, id -> {
      if (!socket.isClosed()) {
        socket.writeTextMessage(new JsonObject().put("type", "ping").encode());
      }
    });
  }

  public static Future<BridgeClient> connect(Vertx vertx, int port) {
    return connect(vertx, port, Map.of());
  }

  /** With extra headers on the upgrade request, e.g. the X-Forwarded-For a proxy adds. */
  public static Future<BridgeClient> connect(Vertx vertx, int port, Map<String, String> headers) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI("/eventbus/websocket")
        .addHeader("Origin", "http://127.0.0.1:" + port); // what a page served by this node sends
    headers.forEach(options::addHeader);
    return client.connect(options).map(ws -> new BridgeClient(vertx, client, ws));
  }

  /** Completes when the socket closes, with the close status and reason the server sent ("1001 shutting_down"). */
  public Future<String> closed() {
    return closed.future();
  }

  private void onFrame(String text) {
    JsonObject frame = new JsonObject(text);
    String address = frame.getString("address");
    if (address != null && answered.contains(address)) {
      repeatedReplies.add(text);
      return;
    }
    if (address != null && pending.containsKey(address)) {
      Promise<JsonObject> promise = pending.remove(address);
      answered.add(address);
      if ("err".equals(frame.getString("type"))) {
        promise.tryFail(new BridgeError(frame.getInteger("failureCode", -1), frame.getString("message")));
      } else {
        promise.tryComplete(frame.getJsonObject("body"));
      }
      return;
    }
    if ("err".equals(frame.getString("type"))) {
      errors.add(frame.getString("body"));
      return;
    }
    if ("rec".equals(frame.getString("type")) && frame.getValue("body") instanceof JsonObject body) {
      for (var waiter : waiters) {
        if (waiter.getKey().test(body) && waiter.getValue().tryComplete(body)) {
          waiters.remove(waiter);
          return;
        }
      }
      pushes.add(body);
    }
  }

  /** Sends a request to an action address with the token header and waits for its reply. */
  public Future<JsonObject> request(String address, String token, JsonObject body) {
    JsonObject headers = token == null ? new JsonObject() : new JsonObject().put("token", token);
    return requestRaw(new JsonObject().put("type", "send").put("address", address).put("headers", headers).put("body", body));
  }

  /** Sends any frame (a reply address is added) and waits for its reply. */
  public Future<JsonObject> requestRaw(JsonObject frame) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> promise = Promise.promise();
    pending.put(replyAddress, promise);
    socket.writeTextMessage(frame.copy().put("replyAddress", replyAddress).encode());
    return promise.future();
  }

  /** Sends a frame written as JSON text (for input no JSON encoder would produce) and waits for its reply. */
  public Future<JsonObject> requestText(String frame) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> promise = Promise.promise();
    pending.put(replyAddress, promise);
    String withReply = frame.substring(0, frame.lastIndexOf('}')) + ",\"replyAddress\":\"" + replyAddress + "\"}";
    socket.writeTextMessage(withReply);
    return promise.future();
  }

  public void send(JsonObject frame) {
    socket.writeTextMessage(frame.encode());
  }

  public void register(String address, String token) {
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address)
        .put("headers", new JsonObject().put("token", token)).encode());
  }

  /** The next push (already received or still to come) that matches, consumed from the list. */
  public Future<JsonObject> push(Predicate<JsonObject> matcher) {
    for (JsonObject p : pushes) {
      if (matcher.test(p) && pushes.remove(p)) {
        return Future.succeededFuture(p);
      }
    }
    Promise<JsonObject> promise = Promise.promise();
    var entry = Map.entry(matcher, promise);
    waiters.add(entry);
    // a push may have arrived between the scan and adding the waiter
    for (JsonObject p : pushes) {
      if (matcher.test(p) && promise.tryComplete(p)) {
        pushes.remove(p);
        waiters.remove(entry);
      }
    }
    return promise.future();
  }

  public Future<JsonObject> push(String type) {
    return push(p -> type.equals(p.getString("type")));
  }

  /** Pushes received and not consumed yet. */
  public List<JsonObject> pendingPushes() {
    return new ArrayList<>(pushes);
  }

  /** Error frames the bridge sent outside any reply (e.g. "rejected" for a refused registration). */
  public List<String> errorFrames() {
    return new ArrayList<>(errors);
  }

  /** Replies that came for a request that had its reply already (there must be none). */
  public List<String> repeatedReplies() {
    return new ArrayList<>(repeatedReplies);
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  /** The WebSocket close code the server gave, or null while open (or closed without one). */
  public Short closeStatusCode() {
    return socket.closeStatusCode();
  }

  public String closeReason() {
    return socket.closeReason();
  }

  @Override
  public void close() {
    vertx.cancelTimer(pingTimer);
    if (!socket.isClosed()) {
      socket.close();
    }
    client.close();
  }
}
