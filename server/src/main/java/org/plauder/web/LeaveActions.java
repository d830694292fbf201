package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.plauder.Services;
import org.plauder.agent.AgentStatus;
import org.plauder.auth.Identity;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Json;
import org.plauder.routing.DeskLeaving;
import org.plauder.routing.DeskLeaving.OpenChats;

/**
 * {@code agent.leave}: an agent goes away or offline and says what becomes of the visitors chatting
 * with it — handed to colleagues, kept, or closed ({@link DeskLeaving}). The dashboard asks first.
 */
final class LeaveActions {

  private final DeskLeaving leaving;

  LeaveActions(Services services) {
    this.leaving = new DeskLeaving(services.agents(), services.conversations(), services.policy(), services.events(),
        services.clock(), services.router());
  }

  Future<Void> register(ActionGate gate) {
    return gate.on(Addresses.AGENT_LEAVE, Identity.Kind.AGENT, this::leave);
  }

  private Future<JsonObject> leave(Identity agent, JsonObject body) {
    for (String field : body.fieldNames()) {
      if (!"status".equals(field) && !"chats".equals(field)) {
        throw Failure.badInput("agent.leave takes status and chats, not " + field);
      }
    }
    AgentStatus status = body.getValue("status") instanceof String s ? AgentStatus.fromWire(s) : null;
    if (status == null || status == AgentStatus.ONLINE) {
      throw Failure.badInput("status must be away or offline");
    }
    OpenChats chats = body.getValue("chats") instanceof String c ? OpenChats.fromWire(c) : null;
    if (chats == null) {
      throw Failure.badInput("chats must be handOver, keep or close");
    }
    return leaving.leave(agent, status, chats).map(left -> new JsonObject()
        .put("agent", Json.agent(left.agent()))
        .put("handedOver", left.handedOver())
        .put("queued", left.queued())
        .put("closed", left.closed())
        .put("kept", left.kept()));
  }
}
