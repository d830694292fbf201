package org.plauder.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import io.vertx.core.eventbus.EventBus;
import org.plauder.auth.Identity;
import org.plauder.auth.TokenRejected;
import org.plauder.auth.Tokens;
import org.plauder.protocol.Addresses;

/**
 * The gate of the SockJS event-bus bridge. Every frame carries its token in the header
 * {@code token}; this hook verifies it, drops every header the client sent and attaches the
 * verified identity instead. Sends may only go to the action addresses of the contract,
 * registrations only to the caller's own inbox; publishing is never allowed.
 */
final class Bridge implements Handler<BridgeEvent> {

  private final Tokens tokens;
  private final EventBus eventBus;
  /** This node's open agent sockets, so a disabled agent can be cut off at once. */
  private final Map<String, Set<SockJSSocket>> agentSockets = new HashMap<>();
  /** This node's visitor sockets and an id for each, for presence. */
  private final Map<SockJSSocket, String> visitorSockets = new HashMap<>();

  Bridge(Tokens tokens, EventBus eventBus) {
    this.tokens = tokens;
    this.eventBus = eventBus;
  }

  /** Closes every socket on this node on which that agent listens. */
  void closeAgentSockets(String agentId) {
    Set<SockJSSocket> sockets = agentSockets.remove(agentId);
    if (sockets != null) {
      sockets.forEach(SockJSSocket::close);
    }
  }

  static SockJSBridgeOptions options() {
    return new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddressRegex("(visitor|agent)\\.[A-Za-z]+"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("(visitor|agent)\\.[0-9a-f]{24}"));
  }

  @Override
  public void handle(BridgeEvent event) {
    switch (event.type()) {
      case SEND -> event.complete(authorizeSend(event));
      case REGISTER -> event.complete(authorizeRegister(event));
      case PUBLISH -> event.complete(false);
      case SOCKET_CLOSED -> {
        String visitorSocket = visitorSockets.remove(event.socket());
        if (visitorSocket != null) {
          eventBus.send(Addresses.INTERNAL_VISITOR_SOCKET_CLOSED, visitorSocket);
        }
        agentSockets.values().forEach(sockets -> sockets.remove(event.socket()));
        agentSockets.values().removeIf(Set::isEmpty);
        event.complete(true);
      }
      default -> event.complete(true);
    }
  }

  private boolean authorizeSend(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getValue("address") instanceof String s ? s : null;
    Identity.Kind kind = Addresses.VISITOR_ACTIONS.contains(address) ? Identity.Kind.VISITOR
        : Addresses.AGENT_ACTIONS.contains(address) ? Identity.Kind.AGENT
        : null;
    if (kind == null) {
      return false;
    }
    JsonObject verified = new JsonObject();
    try {
      Identity identity = tokens.verify(tokenOf(raw), kind);
      verified.put(Addresses.HEADER_KIND, identity.kind().audience())
          .put(Addresses.HEADER_ID, identity.id())
          .put(Addresses.HEADER_SITE, identity.siteKey());
      if (identity.role() != null) {
        verified.put(Addresses.HEADER_ROLE, identity.role());
      }
    } catch (TokenRejected e) {
      // Let the frame through without an identity, so the action replies with an error the
      // client can act on (refresh the token, log in again) instead of waiting forever.
      verified.put(Addresses.HEADER_AUTH_ERROR, e.code());
    }
    raw.put("headers", verified);
    event.setRawMessage(raw);
    return true;
  }

  private boolean authorizeRegister(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getValue("address") instanceof String s ? s : null;
    if (address == null) {
      return false;
    }
    Identity.Kind kind = address.startsWith(Addresses.VISITOR_PREFIX) ? Identity.Kind.VISITOR
        : address.startsWith(Addresses.AGENT_PREFIX) ? Identity.Kind.AGENT
        : null;
    if (kind == null) {
      return false;
    }
    try {
      Identity identity = tokens.verify(tokenOf(raw), kind);
      String own = kind == Identity.Kind.VISITOR ? Addresses.visitorInbox(identity.id()) : Addresses.agentInbox(identity.id());
      if (!own.equals(address)) {
        return false;
      }
      if (kind == Identity.Kind.AGENT) {
        agentSockets.computeIfAbsent(identity.id(), id -> new HashSet<>()).add(event.socket());
      } else if (!visitorSockets.containsKey(event.socket())) {
        String socketId = UUID.randomUUID().toString();
        visitorSockets.put(event.socket(), socketId);
        eventBus.send(Addresses.INTERNAL_VISITOR_SOCKET_OPENED, new JsonObject()
            .put("visitorId", identity.id()).put("siteKey", identity.siteKey()).put("socketId", socketId));
      }
      return true;
    } catch (TokenRejected e) {
      return false;
    }
  }

  private static String tokenOf(JsonObject raw) {
    Object headers = raw.getValue("headers");
    if (headers instanceof JsonObject h && h.getValue("token") instanceof String token) {
      return token;
    }
    return null;
  }
}
