package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.plauder.auth.Identity;
import org.plauder.auth.TokenRejected;
import org.plauder.auth.Tokens;
import org.plauder.config.TrustedProxies;
import org.plauder.protocol.Addresses;
import org.plauder.event.CachedReads;
import org.plauder.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate of the SockJS event-bus bridge. Every frame carries its token in the header
 * {@code token}; this hook verifies it, drops every header the client sent and attaches the
 * verified identity instead. Sends may only go to the action addresses of the contract,
 * registrations only to the caller's own inbox; publishing is never allowed. A browser socket
 * must come from an origin its site allows (agents: the server's own origin), and a socket that
 * registers more than a handful of handlers is cut off. Before any of that, every frame spends
 * the socket's budget ({@link FrameThrottle}), so a flooding page costs nobody else anything.
 * A stopping node takes no new sockets and finally closes its open ones with {@link #GOING_AWAY},
 * so that clients reconnect to another node.
 */
final class Bridge implements Handler<BridgeEvent> {

  static final int MAX_REGISTRATIONS_PER_SOCKET = 16;

  /** Socket events concern this node's presence verticle only, also on a clustered event bus. */
  private static final DeliveryOptions THIS_NODE = new DeliveryOptions().setLocalOnly(true);
  private static final Logger log = LoggerFactory.getLogger(Bridge.class);

  private final Tokens tokens;
  private final EventBus eventBus;
  private final SocketOrigins origins;
  private final ClientFaults faults;
  private final FrameThrottle throttle;
  private final TrustedProxies proxies;
  private final Stopping stopping;
  private final Map<SockJSSocket, BridgeSocket> sockets = new HashMap<>();
  private long socketsOpened; // numbers the sockets in the log
  private final AgentSockets agentSockets;

  Bridge(Tokens tokens, EventBus eventBus, CachedReads<String, Site> sites, String publicUrl, ClientFaults faults,
      TrustedProxies proxies, Stopping stopping, AgentSockets agentSockets) {
    this.agentSockets = agentSockets;
    this.tokens = tokens;
    this.eventBus = eventBus;
    this.faults = faults;
    this.throttle = new FrameThrottle(faults);
    this.origins = new SocketOrigins(sites, publicUrl);
    this.proxies = proxies;
    this.stopping = stopping;
  }

  /**
   * A socket whose client sent no ping for this long is half-open: it is closed. The widget pings
   * every 25 s (as socket.io's clients do), so idle visitors cost the node little, and a late ping
   * does not cost the socket. Agents' sockets are held to 15 s ({@link AgentSockets#PING_TIMEOUT_MS}).
   */
  static final long PING_TIMEOUT_MS = 60_000;

  static SockJSBridgeOptions options() {
    return new SockJSBridgeOptions()
        .setPingTimeout(PING_TIMEOUT_MS)
        .addInboundPermitted(new PermittedOptions().setAddressRegex("(visitor|agent)\\.[A-Za-z]+"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("(visitor|agent)\\.[0-9a-f]{24}"));
  }

  /** The close status of a stopping node's sockets (WebSocket "going away"); the reason is {@code shutting_down}. */
  static final int GOING_AWAY = 1001;

  /** Closes every socket open on this node, telling its client to reconnect; returns how many. */
  int closeAllSockets() {
    List<SockJSSocket> open = List.copyOf(sockets.keySet());
    open.forEach(socket -> socket.close(GOING_AWAY, "shutting_down"));
    return open.size();
  }

  @Override
  public void handle(BridgeEvent event) {
    switch (event.type()) {
      case SOCKET_CREATED -> {
        if (stopping.isStopping()) {
          event.complete(false); // refused: the client reconnects, through the balancer to another node
        } else {
          sockets.put(event.socket(), new BridgeSocket(Long.toString(++socketsOpened, 36)));
          event.complete(true);
        }
      }
      case SEND, PUBLISH, REGISTER -> onFrame(event);
      case SOCKET_PING -> {
        BridgeSocket state = sockets.get(event.socket());
        if (state != null) {
          state.lastPingNanos = System.nanoTime();
        }
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        forget(event.socket());
        event.complete(true);
      }
      case SOCKET_ERROR -> {
        // A frame over the size limit, a broken one, or a connection that broke off: the client
        // misbehaves or is gone, so it is cut off rather than left to try again on the same socket.
        BridgeSocket state = sockets.get(event.socket());
        JsonObject error = event.getRawMessage();
        faults.report(state == null ? "gone" : state.id, describe(event.socket(), state == null ? "?" : state.id),
            "broke its connection (" + (error == null ? "no reason" : error.getString("message")) + ")");
        event.complete(true);
        event.socket().close();
      }
      default -> event.complete(true);
    }
  }

  /** A frame from the client: held to the socket's budget first, then checked. */
  private void onFrame(BridgeEvent event) {
    BridgeSocket state = sockets.get(event.socket());
    if (state == null) {
      event.complete(false); // the socket closed meanwhile
      return;
    }
    if (!throttle.admit(event, state.budget, state.id)) {
      return;
    }
    Future<Boolean> allowed = switch (event.type()) {
      case SEND -> authorizeSend(event, state);
      case REGISTER -> authorizeRegister(event, state);
      default -> Future.succeededFuture(false);
    };
    allowed.onComplete(passed -> {
      if (passed && event.type() == BridgeEventType.SEND) {
        stopping.forwarded();
      }
      event.complete(passed);
    }, error -> {
      log.error("checking a {} frame failed", event.type(), error);
      event.complete(false);
    });
  }

  /** How a socket is named in the log: its client's address and this node's number for it. */
  static String describe(SockJSSocket socket, String socketId) {
    return (socket.remoteAddress() == null ? "?" : socket.remoteAddress().hostAddress()) + " (socket " + socketId + ")";
  }

  private void forget(SockJSSocket socket) {
    BridgeSocket s = sockets.remove(socket);
    if (s == null) {
      return;
    }
    if (s.visitorSocketId != null) {
      eventBus.send(Addresses.INTERNAL_VISITOR_SOCKET_CLOSED, s.visitorSocketId, THIS_NODE);
    }
    if (s.agentId != null) {
      agentSockets.closed(socket, s);
    }
  }

  private Future<Boolean> authorizeSend(BridgeEvent event, BridgeSocket state) {
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getValue("address") instanceof String s ? s : null;
    Identity.Kind kind = Addresses.VISITOR_ACTIONS.contains(address) ? Identity.Kind.VISITOR
        : Addresses.AGENT_ACTIONS.contains(address) ? Identity.Kind.AGENT
        : null;
    if (kind == null) {
      return Future.succeededFuture(false);
    }
    JsonObject verified = new JsonObject();
    Identity identity;
    try {
      identity = state.verifyToken(tokens, tokenOf(raw), kind);
    } catch (TokenRejected e) {
      // Let the frame through without an identity, so the action replies with an error the
      // client can act on (refresh the token, log in again) instead of waiting forever.
      verified.put(Addresses.HEADER_AUTH_ERROR, e.code());
      return Future.succeededFuture(withHeaders(event, raw, verified));
    }
    return originAllowed(event.socket(), state, identity).map(allowed -> {
      if (!allowed) {
        return false;
      }
      if (identity.kind() == Identity.Kind.AGENT) {
        agentSockets.acted(identity.id(), address, raw.getValue("body"));
      }
      verified.put(Addresses.HEADER_KIND, identity.kind().audience())
          .put(Addresses.HEADER_ID, identity.id())
          .put(Addresses.HEADER_SITE, identity.siteKey());
      if (identity.role() != null) {
        verified.put(Addresses.HEADER_ROLE, identity.role());
      }
      return withHeaders(event, raw, verified);
    });
  }

  private boolean withHeaders(BridgeEvent event, JsonObject raw, JsonObject verified) {
    SockJSSocket socket = event.socket();
    if (socket.remoteAddress() != null) {
      List<String> forwarded = socket.headers() == null ? List.of() : socket.headers().getAll("X-Forwarded-For");
      verified.put(Addresses.HEADER_IP, proxies.clientAddress(socket.remoteAddress().hostAddress(), forwarded));
    }
    raw.put("headers", verified);
    event.setRawMessage(raw);
    return true;
  }

  private Future<Boolean> authorizeRegister(BridgeEvent event, BridgeSocket state) {
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getValue("address") instanceof String s ? s : null;
    if (address == null) {
      return Future.succeededFuture(false);
    }
    if (++state.registrations > MAX_REGISTRATIONS_PER_SOCKET) {
      faults.report(state.id, describe(event.socket(), state.id), "registered handler after handler and was cut off");
      event.socket().close();
      return Future.succeededFuture(false);
    }
    Identity.Kind kind = address.startsWith(Addresses.VISITOR_PREFIX) ? Identity.Kind.VISITOR
        : address.startsWith(Addresses.AGENT_PREFIX) ? Identity.Kind.AGENT
        : null;
    if (kind == null) {
      return Future.succeededFuture(false);
    }
    Identity identity;
    try {
      identity = state.verifyToken(tokens, tokenOf(raw), kind);
    } catch (TokenRejected e) {
      return Future.succeededFuture(false);
    }
    String own = kind == Identity.Kind.VISITOR ? Addresses.visitorInbox(identity.id()) : Addresses.agentInbox(identity.id());
    if (!own.equals(address)) {
      return Future.succeededFuture(false);
    }
    return originAllowed(event.socket(), state, identity).map(allowed -> {
      if (allowed) {
        remember(event.socket(), state, identity);
      }
      return allowed;
    });
  }

  private void remember(SockJSSocket socket, BridgeSocket state, Identity identity) {
    if (identity.kind() == Identity.Kind.AGENT) {
      agentSockets.registered(socket, state, identity);
    } else if (state.visitorSocketId == null) {
      state.visitorSocketId = UUID.randomUUID().toString();
      eventBus.send(Addresses.INTERNAL_VISITOR_SOCKET_OPENED, new JsonObject()
          .put("visitorId", identity.id()).put("siteKey", identity.siteKey()).put("socketId", state.visitorSocketId), THIS_NODE);
    }
  }

  /**
   * Whether the page that opened this socket may act for this identity. Browsers always send
   * an Origin with WebSocket and cross-origin XHR; a client without one is not a browser page
   * that another site could abuse, and its token still has to be valid.
   */
  private Future<Boolean> originAllowed(SockJSSocket socket, BridgeSocket state, Identity identity) {
    String origin = SocketOrigins.originOf(socket);
    if (origin == null) {
      return Future.succeededFuture(true);
    }
    String checkedFor = identity.kind() == Identity.Kind.AGENT ? "agent" : "site:" + identity.siteKey();
    if (checkedFor.equals(state.originCheckedFor)) {
      return Future.succeededFuture(true);
    }
    return origins.allows(socket, origin, identity).map(ok -> {
      if (ok) {
        state.originCheckedFor = checkedFor;
      }
      return ok;
    });
  }

  private static String tokenOf(JsonObject raw) {
    Object headers = raw.getValue("headers");
    if (headers instanceof JsonObject h && h.getValue("token") instanceof String token) {
      return token;
    }
    return null;
  }
}
