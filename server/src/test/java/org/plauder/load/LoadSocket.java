package org.plauder.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One raw SockJS WebSocket ({@code /eventbus/websocket}) speaking the event-bus bridge's JSON
 * frames as {@code BridgeClient} does, kept lean so that one process can hold thousands: a reply
 * is a callback, not a stored future, and pushes go straight to one handler. Not thread-safe:
 * a worker drives all its sockets from its one event loop.
 *
 * <p>Why not Vert.x's {@code WebSocketClient}: in Vert.x 5.1.5 it ignores
 * {@code setLocalAddress} (its options reach the TCP layer through a copy that drops the field),
 * and the server limits by source address. So the socket is a Vert.x {@code NetClient}
 * connection bound to its own address, with Netty's WebSocket client codec (the one Vert.x's
 * WebSocket client is built on) in its pipeline.
 */
public final class LoadSocket {

  /** Called once per request: with the reply body, or with an error (a failure reply's message, or "timeout"). */
  public interface Reply {
    void done(JsonObject body, String error, long elapsedNanos);
  }

  private record Pending(long sentNanos, Reply reply) {}

  public static final String TIMEOUT = "timeout";
  public static final String CLOSED = "socket closed";
  /** An agent's live-visitors list of thousands is one message of several MB. */
  private static final int MAX_MESSAGE_BYTES = 64 << 20;

  private final NetClient client;
  private final NetSocketInternal socket;
  private final Map<String, Pending> pending = new HashMap<>();
  private Consumer<JsonObject> pushHandler = push -> { };
  private boolean closed;
  private int frameChars;
  private long nextReply;
  /** Replies that came after their request had been given up as lost. */
  public long lateReplies;
  /** Error frames outside any reply (a refused register or send). */
  long errorFrames;
  /** What the first error frame outside any reply said (the bridge names its reason: "rejected", "access_denied", …). */
  String firstErrorFrame;

  private LoadSocket(NetClient client, NetSocketInternal socket) {
    this.client = client;
    this.socket = socket;
    socket.closeHandler(v -> closed = true);
  }

  /** Connects from {@code sourceAddress} (a loopback address) and completes once the WebSocket handshake is done. */
  public static Future<LoadSocket> connect(Vertx vertx, String sourceAddress, int port, String origin) {
    return connect(boundClient(vertx, sourceAddress), port, origin);
  }

  /** A client whose connections all come from {@code sourceAddress}: Vert.x binds per client, not per connection. */
  static NetClient boundClient(Vertx vertx, String sourceAddress) {
    return vertx.createNetClient(new NetClientOptions().setLocalAddress(sourceAddress).setConnectTimeout(30_000));
  }

  /** Connects with {@code client} (one bound to a source address), which the socket then owns and closes with itself. */
  static Future<LoadSocket> connect(NetClient client, int port, String origin) {
    return client.connect(port, "127.0.0.1")
        .compose(connection -> new LoadSocket(client, (NetSocketInternal) connection).handshake(port, origin))
        .onFailure(e -> client.close());
  }

  private Future<LoadSocket> handshake(int port, String origin) {
    Promise<LoadSocket> open = Promise.promise();
    Channel channel = socket.channelHandlerContext().channel();
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addBefore("handler", "http", new HttpClientCodec());
    pipeline.addBefore("handler", "http-aggregator", new HttpObjectAggregator(64 * 1024));
    WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
        URI.create("ws://127.0.0.1:" + port + "/eventbus/websocket"), WebSocketVersion.V13, null, false,
        new DefaultHttpHeaders().add("Origin", origin), MAX_MESSAGE_BYTES);
    socket.messageHandler(message -> {
      try {
        if (message instanceof FullHttpResponse response) {
          handshaker.finishHandshake(channel, response); // throws unless 101 Switching Protocols
          // Whole messages, not frames: a large reply (an agent's live list) comes in several frames.
          pipeline.addBefore("handler", "ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
          open.complete(this);
        } else if (message instanceof TextWebSocketFrame text) {
          String json = text.text();
          frameChars = json.length();
          onFrame(new JsonObject(json));
        } else if (message instanceof BinaryWebSocketFrame binary) {
          String json = binary.content().toString(StandardCharsets.UTF_8);
          frameChars = json.length();
          onFrame(new JsonObject(json));
        } else if (message instanceof PingWebSocketFrame ping) {
          socket.writeMessage(new PongWebSocketFrame(ping.content().retain()));
        } else if (message instanceof CloseWebSocketFrame) {
          socket.close();
        }
      } catch (RuntimeException e) {
        open.tryFail(e);
      } finally {
        ReferenceCountUtil.release(message);
      }
    });
    handshaker.handshake(channel).addListener(sent -> {
      if (!sent.isSuccess()) {
        open.tryFail(sent.cause());
      }
    });
    return open.future().timeout(30, TimeUnit.SECONDS);
  }

  public void onPush(Consumer<JsonObject> handler) {
    this.pushHandler = handler;
  }

  public void register(String address, String token) {
    write(new JsonObject().put("type", "register").put("address", address)
        .put("headers", new JsonObject().put("token", token)).encode());
  }

  public void request(String address, String token, JsonObject body, Reply reply) {
    if (closed) {
      reply.done(null, CLOSED, 0); // no reply can come; say so at once rather than after 30 s
      return;
    }
    String replyAddress = "r" + (nextReply++);
    pending.put(replyAddress, new Pending(System.nanoTime(), reply));
    write(new JsonObject().put("type", "send").put("address", address)
        .put("headers", new JsonObject().put("token", token)).put("body", body)
        .put("replyAddress", replyAddress).encode());
  }

  /** Sends the SockJS bridge's keep-alive; the server closes sockets that stay silent for 15 s. */
  public void ping() {
    write("{\"type\":\"ping\"}");
  }

  private void write(String text) {
    if (!closed) {
      socket.writeMessage(new TextWebSocketFrame(text));
    }
  }

  /** Gives up on requests older than {@code timeoutNanos}: each is answered with {@link #TIMEOUT}. */
  public void expire(long nowNanos, long timeoutNanos) {
    for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Pending p = it.next().getValue();
      if (nowNanos - p.sentNanos > timeoutNanos) {
        it.remove();
        p.reply.done(null, TIMEOUT, nowNanos - p.sentNanos);
      }
    }
  }

  int pendingCount() {
    return pending.size();
  }

  public boolean isClosed() {
    return closed;
  }

  /** How long the frame being handled is, in characters (what the server encoded and sent). */
  public int frameChars() {
    return frameChars;
  }

  /** Closes the socket and its client. */
  public Future<Void> close() {
    return (closed ? Future.<Void>succeededFuture() : socket.close()).eventually(client::close);
  }

  private void onFrame(JsonObject frame) {
    long now = System.nanoTime();
    String type = frame.getString("type");
    Pending p = frame.getValue("address") instanceof String address ? pending.remove(address) : null;
    if (p != null) {
      if ("err".equals(type)) {
        p.reply.done(null, String.valueOf(frame.getValue("message")), now - p.sentNanos);
      } else {
        p.reply.done(frame.getJsonObject("body"), null, now - p.sentNanos);
      }
    } else if (frame.getValue("address") instanceof String address && address.startsWith("r")) {
      lateReplies++; // push addresses start with "visitor." or "agent."
    } else if ("err".equals(type)) {
      errorFrames++;
      if (firstErrorFrame == null) {
        firstErrorFrame = frame.encode();
      }
    } else if ("rec".equals(type) && frame.getValue("body") instanceof JsonObject body) {
      pushHandler.accept(body);
    }
  }
}
