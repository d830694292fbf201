package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ParkedStore;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.event.Watchers;
import org.plauder.store.ConversationStatuses;
import org.plauder.supervision.WhisperService;

/**
 * The bridge actions of supervision (docs/protocol.md): watching every chat of the site, whispers,
 * taking a chat over. Watching and taking over are for admins and supervisors; a chat's own agent
 * may also whisper in it and read its whispers.
 */
final class SupervisorActions {

  /** More open chats than a site's monitor shows at once. */
  private static final int MAX_LISTED = 500;

  private final Services services;
  private final Watchers monitoring;
  private final WhisperService whispers;
  private final ParkedStore parked;

  SupervisorActions(Services services, Watchers monitoring, WhisperService whispers) {
    this.services = services;
    this.parked = new ConversationStatuses(services.database());
    this.monitoring = monitoring;
    this.whispers = whispers;
  }

  List<Future<Void>> register(ActionGate gate) {
    Identity.Kind agent = Identity.Kind.AGENT;
    return List.of(
        gate.on(Addresses.AGENT_MONITOR, agent, this::monitor),
        gate.on(Addresses.AGENT_WHISPER, agent, this::whisper),
        gate.on(Addresses.AGENT_WHISPERS, agent, this::whispersOf),
        gate.on(Addresses.AGENT_TAKE_OVER, agent, this::takeOver));
  }

  private static void supervisorOnly(Identity agent) {
    if (!agent.canSupervise()) {
      throw Failure.forbidden("only admins and supervisors can do that");
    }
  }

  /**
   * Every open chat of the site (parked e-mail conversations too, with their work status), and (with {@code watching}, the default) the chats' events as
   * {@code monitor} pushes for the next minute; the dashboard asks again while its monitor is open.
   */
  private Future<JsonObject> monitor(Identity agent, JsonObject body) {
    supervisorOnly(agent);
    boolean watching = body.getValue("watching") == null || Inputs.bool(body, "watching");
    monitoring.watch(agent.siteKey(), agent.id(), watching);
    if (!watching) {
      return Future.succeededFuture(new JsonObject());
    }
    return Future.all(services.conversations().ofSite(agent.siteKey(), ConversationStatus.ACTIVE, MAX_LISTED),
        services.conversations().ofSite(agent.siteKey(), ConversationStatus.QUEUED, MAX_LISTED),
        parked.parkedOfSite(agent.siteKey(), MAX_LISTED)).map(all -> {
          JsonArray chats = new JsonArray();
          all.<List<Conversation>>resultAt(0).forEach(c -> chats.add(Json.conversation(c)));
          all.<List<Conversation>>resultAt(1).forEach(c -> chats.add(Json.conversation(c)));
          all.<List<ParkedStore.Parked>>resultAt(2).forEach(p -> chats.add(StatusActions.conversation(p)));
          return new JsonObject().put("conversations", chats).put("watchSeconds", Watchers.WATCH_FOR.toSeconds());
        });
  }

  private Future<JsonObject> whisper(Identity agent, JsonObject body) {
    String text = services.messageRules().validText(body.getValue("text"));
    String clientMsgId = services.messageRules().validClientMsgId(body.getValue("clientMsgId"));
    String conversationId = Inputs.id(body, "conversationId");
    return Future.all(services.access().ofSite(agent, conversationId, c -> WhisperService.checkMayWhisper(agent, c)),
            services.caches().agents().get(agent.id()))
        .compose(all -> whispers.whisper(agent, all.<Agent>resultAt(1) == null ? null : all.<Agent>resultAt(1).name(), all.resultAt(0),
            text, clientMsgId))
        .map(w -> new JsonObject().put("whisper", Json.whisper(w.whisper())).put("duplicate", w.duplicate()));
  }

  /** The whispers of a chat, for its agent and for admins and supervisors. */
  private Future<JsonObject> whispersOf(Identity agent, JsonObject body) {
    return services.access().ofSite(agent, Inputs.id(body, "conversationId"), c -> {
      if (!agent.id().equals(c.agentId()) && !agent.canSupervise()) {
        throw Failure.conflict("not_your_chat", "only the chat's agent, a supervisor or an admin reads its whispers");
      }
    }).compose(c -> services.conversations().whispers().of(c.id())).map(list -> {
      JsonArray array = new JsonArray();
      list.forEach(w -> array.add(Json.whisper(w)));
      return new JsonObject().put("whispers", array);
    });
  }

  private Future<JsonObject> takeOver(Identity agent, JsonObject body) {
    supervisorOnly(agent);
    return services.access().ofSite(agent, Inputs.id(body, "conversationId"))
        .compose(c -> services.router().takeOver(agent, c))
        .map(c -> new JsonObject().put("conversation", Json.conversation(c)));
  }
}
