package org.plauder.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal Vert.x SockJS bridge relay that speaks Plauder's wire (the same REST paths, bridge
 * addresses, frames and server options) but stores nothing: the baseline a load test puts
 * beside Plauder to show what Vert.x itself costs. Tokens are unsigned ("visitor:&lt;id&gt;",
 * "agent:&lt;id&gt;:&lt;maxChats&gt;"); presence lives here, pairing and messages in {@link BareDesk}.
 * Run alone with {@code BareRelay <port> [messages the export streams]}.
 */
public final class BareRelay extends VerticleBase {

  static final String KIND = "plauder.kind";
  static final String ID = "plauder.id";
  static final String MAX_CHATS = "bare.maxChats";

  private final int port;
  private final long exportMessages;
  private final Map<String, JsonObject> accounts = new HashMap<>();
  private final Map<String, Integer> socketsOfVisitor = new HashMap<>();
  private final Map<SockJSSocket, String> visitorOfSocket = new HashMap<>();
  private long nextVisitor;
  private HttpServer server;

  BareRelay(int port, long exportMessages) {
    this.port = port;
    this.exportMessages = exportMessages;
  }

  /** Deploys the desk and the relay on {@code vertx}; completes with the relay (its port is known then). */
  static Future<BareRelay> start(Vertx vertx, int port, long exportMessages) {
    BareRelay relay = new BareRelay(port, exportMessages);
    return vertx.deployVerticle(new BareDesk()).compose(id -> vertx.deployVerticle(relay)).map(id -> relay);
  }

  int actualPort() {
    return server.actualPort();
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    long messages = args.length > 1 ? Long.parseLong(args[1]) : 0;
    start(Vertx.vertx(), port, messages).onComplete(
        relay -> System.out.println("bare relay listening on port " + relay.actualPort()),
        error -> {
          error.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "ok")));
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.post("/api/v1/sites/:siteKey/visitors").handler(this::mint);
    router.post("/api/v1/agents").handler(this::createAgent);
    router.post("/api/v1/agents/login").handler(this::login);
    router.get("/api/v1/agents").handler(ctx -> vertx.eventBus().<JsonObject>request(BareDesk.AGENTS_ADDRESS, new JsonObject())
        .onComplete(reply -> json(ctx, 200, reply.body()), ctx::fail));
    router.get("/api/v1/exports/messages").handler(this::export);
    // The same SockJS and server options as Plauder's HttpVerticle, so only the work behind them differs.
    SockJSBridgeOptions bridge = new SockJSBridgeOptions().setPingTimeout(60_000)
        .addInboundPermitted(new PermittedOptions().setAddressRegex("(visitor|agent)\\.[A-Za-z]+"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("(visitor|agent)\\.[0-9a-f]{24}"));
    SockJSHandlerOptions sockJs = new SockJSHandlerOptions().setInsertJSESSIONID(false).setRegisterWriteHandler(false)
        .setHeartbeatInterval(25_000);
    router.route("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, sockJs).bridge(bridge, this::gate));
    vertx.eventBus().<JsonObject>consumer("agent.visitors", message -> {
      JsonArray online = new JsonArray();
      socketsOfVisitor.keySet().forEach(id -> online.add(new JsonObject().put("visitorId", id)));
      message.reply(new JsonObject().put("visitors", online).put("others", new JsonArray()).put("total", online.size()));
    });
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port).setCompressionSupported(true)
        .setIdleTimeout(120).setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(64 * 1024).setMaxWebSocketMessageSize(64 * 1024).setStrictThreadMode(true);
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /** The bridge hook: the token names the sender (nothing is verified), and only one's own inbox may be registered. */
  private void gate(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? "" : raw.getString("address", "");
    JsonObject headers = raw == null ? null : raw.getJsonObject("headers");
    String[] token = headers != null && headers.getValue("token") instanceof String t ? t.split(":") : new String[0];
    switch (event.type()) {
      case SEND -> {
        boolean ok = token.length >= 2 && address.startsWith(token[0] + ".");
        if (ok) {
          JsonObject identity = new JsonObject().put(KIND, token[0]).put(ID, token[1]);
          if (token.length == 3) {
            identity.put(MAX_CHATS, token[2]);
          }
          event.setRawMessage(raw.put("headers", identity));
        }
        event.complete(ok);
      }
      case REGISTER -> {
        boolean ok = token.length >= 2 && address.equals(token[0] + "." + token[1]);
        if (ok && "visitor".equals(token[0]) && visitorOfSocket.putIfAbsent(event.socket(), token[1]) == null) {
          socketsOfVisitor.merge(token[1], 1, Integer::sum);
        }
        event.complete(ok);
      }
      case SOCKET_CLOSED -> {
        String visitor = visitorOfSocket.remove(event.socket());
        if (visitor != null) {
          socketsOfVisitor.computeIfPresent(visitor, (id, n) -> n == 1 ? null : n - 1);
        }
        event.complete(true);
      }
      case PUBLISH -> event.complete(false);
      default -> event.complete(true);
    }
  }

  private void mint(RoutingContext ctx) {
    if (ctx.request().getHeader("Origin") == null) {
      json(ctx, 403, new JsonObject().put("error", new JsonObject().put("code", "origin_not_allowed")));
      return;
    }
    String id = String.format("%024x", ++nextVisitor);
    json(ctx, 200, new JsonObject().put("visitorId", id).put("token", "visitor:" + id).put("returning", false));
  }

  private void createAgent(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String id = String.format("%024x", accounts.size() + 1L << 32);
    JsonObject agent = new JsonObject().put("id", id).put("email", body.getString("email")).put("name", body.getString("name"))
        .put("maxChats", body.getInteger("maxChats", 5)).put("role", "agent");
    accounts.put(body.getString("email"), agent);
    json(ctx, 201, agent);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    JsonObject agent = accounts.computeIfAbsent(body.getString("email"), email -> new JsonObject()
        .put("id", String.format("%024x", accounts.size() + 1L << 32)).put("maxChats", 5).put("role", "admin"));
    json(ctx, 200, new JsonObject().put("agentId", agent.getString("id")).put("role", agent.getString("role"))
        .put("token", "agent:" + agent.getString("id") + ":" + agent.getInteger("maxChats")).put("siteKey", "demo"));
  }

  /** Streams {@code exportMessages} made-up messages as NDJSON, 500 a write, waiting whenever the client lags. */
  private void export(RoutingContext ctx) {
    HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", "application/x-ndjson");
    long[] written = {0};
    Runnable[] writePage = new Runnable[1];
    writePage[0] = () -> {
      while (written[0] < exportMessages) {
        Buffer page = Buffer.buffer();
        for (int i = 0; i < 500 && written[0] < exportMessages; i++, written[0]++) {
          long n = written[0];
          page.appendString(new JsonObject().put("conversationId", String.format("%024x", n / 20)).put("seq", n % 20 + 1)
              .put("sender", n % 2 == 0 ? "visitor" : "agent").put("senderName", "Eva")
              .put("text", "Nachricht " + n + ", mit \"Zitat\" und Umlauten äöü").put("clientMsgId", "m" + n)
              .put("time", "2026-11-01T00:00:00Z").encode()).appendString("\n");
        }
        response.write(page);
        if (response.writeQueueFull()) {
          response.drainHandler(v -> writePage[0].run());
          return;
        }
      }
      response.end();
    };
    writePage[0].run();
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
