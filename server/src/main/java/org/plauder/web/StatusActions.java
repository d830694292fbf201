package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.conversation.ParkedStore;
import org.plauder.conversation.WorkStatus;
import org.plauder.conversation.WorkStatusRules;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.routing.ParkedChats;
import org.plauder.store.ConversationStatuses;

/**
 * The work status of e-mail conversations: the agent sets it ({@code agent.workStatus}: open,
 * pending, snoozed until a time, resolved) and lists its parked conversations ({@code agent.parked}),
 * which its dashboard shows beside the active ones.
 */
final class StatusActions {

  private final Services services;
  private final ParkedStore parked;
  private final ParkedChats parkedChats;

  StatusActions(Services services) {
    this.services = services;
    this.parked = new ConversationStatuses(services.database());
    this.parkedChats = parkedChats(services, parked);
  }

  /** The parking of e-mail conversations on this node's parts. */
  static ParkedChats parkedChats(Services s, ParkedStore parked) {
    return new ParkedChats(s.agents(), parked, s.conversations(), s.policy(), s.router(), s.events(), s.caches().conversations(),
        s.clock());
  }

  List<Future<Void>> register(ActionGate gate) {
    return List.of(
        gate.on(Addresses.AGENT_WORK_STATUS, Identity.Kind.AGENT, this::workStatus),
        gate.on(Addresses.AGENT_PARKED, Identity.Kind.AGENT, this::parkedList));
  }

  private Future<JsonObject> workStatus(Identity agent, JsonObject body) {
    WorkStatus wanted = WorkStatus.fromWire(body.getValue("status"));
    if (wanted == null) {
      throw Failure.badInput("status must be open, pending, snoozed or resolved");
    }
    Instant until = instant(body.getValue("until"));
    String conversationId = Inputs.id(body, "conversationId");
    return services.access()
        .ofSite(agent, conversationId, c -> WorkStatusRules.byAgent(c, agent.id(), wanted, until, services.clock().instant()))
        .compose(c -> parkedChats.change(agent, c, wanted, until))
        .map(after -> new JsonObject().put("conversation", conversation(after)));
  }

  private Future<JsonObject> parkedList(Identity agent, JsonObject body) {
    return parked.parkedOf(agent.id()).map(list -> {
      JsonArray conversations = new JsonArray();
      list.forEach(p -> conversations.add(conversation(p)));
      return new JsonObject().put("conversations", conversations);
    });
  }

  /** A conversation as the wire has it, with its work status and, while snoozed, the time it comes back. */
  static JsonObject conversation(ParkedStore.Parked p) {
    JsonObject json = Json.conversation(p.conversation());
    WorkStatus status = WorkStatus.of(p.conversation().status());
    return json.put("workStatus", status == null ? null : status.wire()).put("snoozedUntil", Json.time(p.snoozedUntil()));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > 40) {
      throw Failure.badInput("until must be a time such as 2026-12-03T09:00:00Z");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw Failure.badInput("until must be a time such as 2026-12-03T09:00:00Z");
    }
  }
}
