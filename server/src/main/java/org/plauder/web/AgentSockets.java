package org.plauder.web;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.plauder.agent.ConnectedAgents;
import org.plauder.auth.Identity;
import org.plauder.protocol.Addresses;

/**
 * The agents' dashboard sockets on this node, as the bridge sees them register and close: so a
 * disabled agent can be cut off at once, and so the cluster knows who is connected
 * ({@link ConnectedAgents}, counted before the socket's next frame is read, so that the agent's
 * next action already finds it connected). An agent's first socket here and its last one are
 * told to this node's {@code presence.AgentPresence}.
 */
final class AgentSockets {

  private static final DeliveryOptions THIS_NODE = new DeliveryOptions().setLocalOnly(true);

  /**
   * An agent's socket silent this long is closed: the dashboard pings every 5 s, and a vanished
   * dashboard must stop counting as connected soon, before routing gives it new chats.
   */
  static final long PING_TIMEOUT_MS = 15_000;

  /** How often the node looks for silent agent sockets ({@link #closeSilent}). */
  static final long PING_CHECK_MS = 2_500;

  private final Map<String, Map<SockJSSocket, BridgeSocket>> open = new HashMap<>();
  private final ConnectedAgents connected;
  private final EventBus eventBus;

  AgentSockets(ConnectedAgents connected, EventBus eventBus) {
    this.connected = connected;
    this.eventBus = eventBus;
  }

  /** The socket registered on the agent's inbox. */
  void registered(SockJSSocket socket, BridgeSocket state, Identity agent) {
    state.agentId = agent.id();
    state.agentSiteKey = agent.siteKey();
    if (state.agentSocketId == null) {
      state.agentSocketId = UUID.randomUUID().toString();
    }
    open.computeIfAbsent(agent.id(), id -> new HashMap<>()).put(socket, state);
    if (connected.socketOpened(agent.id(), agent.siteKey(), state.agentSocketId)) {
      tell(Addresses.INTERNAL_AGENT_CONNECTED, state);
    }
  }

  /** Actions that show the agent at work (for auto-away); reading its desk, a history or the visitors does not. */
  private static final Set<String> AT_WORK = Set.of(Addresses.AGENT_SEND, Addresses.AGENT_TYPING, Addresses.AGENT_CLOSE,
      Addresses.AGENT_TRANSFER, Addresses.AGENT_TAKE, Addresses.AGENT_INVITE);

  /** The agent sent an action to {@code address}; a status request counts only when it sets a status. */
  void acted(String agentId, String address, Object body) {
    if (AT_WORK.contains(address) || Addresses.AGENT_STATUS.equals(address) && body instanceof JsonObject b && b.containsKey("status")) {
      connected.active(agentId);
    }
  }

  /** An agent's socket closed. */
  void closed(SockJSSocket socket, BridgeSocket state) {
    if (connected.socketClosed(state.agentId, state.agentSocketId)) {
      tell(Addresses.INTERNAL_AGENT_DISCONNECTED, state);
    }
    Map<SockJSSocket, BridgeSocket> sockets = open.get(state.agentId);
    if (sockets != null) {
      sockets.remove(socket);
      if (sockets.isEmpty()) {
        open.remove(state.agentId);
      }
    }
  }

  /** Closes every socket on this node on which that agent listens. */
  void closeAll(String agentId) {
    Map<SockJSSocket, BridgeSocket> sockets = open.remove(agentId);
    if (sockets != null) {
      sockets.keySet().forEach(SockJSSocket::close);
    }
  }

  /**
   * Closes the agent sockets whose client sent no ping for {@link #PING_TIMEOUT_MS} before
   * {@code nowNanos}: a dashboard that vanished without closing (a laptop shut, a network gone).
   * Its close then takes the agent's connection away as any close does. Returns how many were closed.
   */
  int closeSilent(long nowNanos) {
    long pingedBefore = nowNanos - PING_TIMEOUT_MS * 1_000_000;
    List<SockJSSocket> silent = new ArrayList<>();
    open.values().forEach(sockets -> sockets.forEach((socket, state) -> {
      if (state.lastPingNanos - pingedBefore < 0) {
        silent.add(socket);
      }
    }));
    silent.forEach(SockJSSocket::close); // after the loop: a close may come back to closed() at once
    return silent.size();
  }

  private void tell(String address, BridgeSocket state) {
    eventBus.send(address, new JsonObject().put("agentId", state.agentId).put("siteKey", state.agentSiteKey), THIS_NODE);
  }
}
