package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.event.Watchers;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.protocol.LiveVisitorsJson;
import org.plauder.protocol.QueueCardJson;
import org.plauder.routing.AgentDesk;
import org.plauder.routing.ChatRouter.FirstMessage;

/** The actions an agent's dashboard sends over the bridge (docs/protocol.md): each checks its body, calls one service, shapes the reply. */
final class AgentActions {

  private static final int MAX_NOTE = 500;

  private final Services services;

  AgentActions(Services services) {
    this.services = services;
  }

  List<Future<Void>> register(ActionGate gate) {
    Identity.Kind agent = Identity.Kind.AGENT;
    return List.of(
        gate.on(Addresses.AGENT_STATUS, agent, this::status),
        gate.on(Addresses.AGENT_CONVERSATIONS, agent, this::conversations),
        gate.on(Addresses.AGENT_SEND, agent, this::send),
        gate.on(Addresses.AGENT_TYPING, agent, this::typing),
        gate.on(Addresses.AGENT_CLOSE, agent, this::close),
        gate.on(Addresses.AGENT_TRANSFER, agent, this::transfer),
        gate.on(Addresses.AGENT_TAKE, agent, this::take),
        gate.on(Addresses.AGENT_HISTORY, agent, this::history),
        gate.on(Addresses.AGENT_VISITORS, agent, this::onlineVisitors),
        gate.on(Addresses.AGENT_INVITE, agent, this::invite));
  }

  private Future<JsonObject> status(Identity agent, JsonObject body) {
    AgentStatus status = null;
    if (body.getValue("status") != null) {
      status = body.getValue("status") instanceof String s ? AgentStatus.fromWire(s) : null;
      if (status == null) {
        throw Failure.badInput("status must be online, away or offline");
      }
    }
    Integer maxChats = body.getValue("maxChats") == null ? null : Inputs.intInRange(body, "maxChats", 0, Agent.MAX_CHATS_LIMIT);
    return services.router().updateAgent(agent, status, maxChats).map(a -> new JsonObject().put("agent", Json.agent(a)));
  }

  private Future<JsonObject> conversations(Identity agent, JsonObject body) {
    return services.desk().of(agent.id(), agent.siteKey()).map(desk -> new JsonObject()
        .put("agent", desk.agent() == null ? null : Json.agent(desk.agent()))
        .put("active", conversationList(desk.active()))
        .put("queue", queueList(desk))
        .put("queueTotal", desk.queue().size()));
  }

  /** The head of the line as conversations, each with its card (first words and page): as many rows as a queue push carries. */
  private static JsonArray queueList(AgentDesk.Desk desk) {
    JsonArray array = new JsonArray();
    desk.queue().stream().limit(InboxPushes.QUEUE_ROWS)
        .forEach(c -> array.add(QueueCardJson.withCard(Json.conversation(c), desk.cardOf(c.id()))));
    return array;
  }

  private static JsonArray conversationList(List<Conversation> conversations) {
    JsonArray array = new JsonArray();
    conversations.forEach(c -> array.add(Json.conversation(c)));
    return array;
  }

  private Future<JsonObject> send(Identity agent, JsonObject body) {
    FirstMessage m = new FirstMessage(services.messageRules().validText(body.getValue("text")),
        services.messageRules().validClientMsgId(body.getValue("clientMsgId")));
    return Future.all(services.access().heldBy(agent, Inputs.id(body, "conversationId")), services.caches().agents().get(agent.id()))
        .compose(all -> services.messages().append(all.resultAt(0), ChatMessage.Sender.AGENT, agent.id(),
            all.resultAt(1) == null ? null : all.<Agent>resultAt(1).shownName(), m.text(), m.clientMsgId()))
        .map(Json::ack);
  }

  /** Typing is relayed, never stored. */
  private Future<JsonObject> typing(Identity agent, JsonObject body) {
    boolean typing = Inputs.bool(body, "typing");
    return services.access().heldBy(agent, Inputs.id(body, "conversationId")).map(c -> {
      services.inboxes().toVisitor(c.visitorId(), Json.typing(c, "agent", typing));
      return new JsonObject();
    });
  }

  private Future<JsonObject> close(Identity agent, JsonObject body) {
    return services.access().closableBy(agent, Inputs.id(body, "conversationId"))
        .compose(c -> services.router().close(c, "agent"))
        .map(closed -> new JsonObject().put("conversation", Json.conversation(closed)));
  }

  private Future<JsonObject> transfer(Identity agent, JsonObject body) {
    String toAgentId = Inputs.id(body, "toAgentId");
    String note = Inputs.optionalMultiLineText(body, "note", MAX_NOTE);
    return services.access().heldBy(agent, Inputs.id(body, "conversationId"))
        .compose(c -> services.router().transfer(agent, c, toAgentId, note))
        .map(moved -> new JsonObject().put("conversation", Json.conversation(moved)));
  }

  private Future<JsonObject> take(Identity agent, JsonObject body) {
    return services.access().ofSite(agent, Inputs.id(body, "conversationId"))
        .compose(c -> services.router().take(agent, c))
        .map(c -> new JsonObject().put("conversation", Json.conversation(c)));
  }

  private Future<JsonObject> history(Identity agent, JsonObject body) {
    long afterSeq = Inputs.optionalLong(body, "afterSeq", 0);
    return services.access().ofSite(agent, Inputs.id(body, "conversationId"))
        .compose(c -> services.messages().history(c, afterSeq).map(page -> new JsonObject()
            .put("conversation", Json.conversation(c))
            .put("messages", Json.messages(page.messages()))
            .put("hasMore", page.hasMore())));
  }

  /**
   * The site's visitors online now, the latest in full and the others by id ({@link LiveVisitorsJson});
   * changes follow as {@code visitors} pushes, within a quarter second while the agent watches the
   * list ({@code watching}: true, renewed within {@link Watchers#WATCH_FOR}; false when the list is
   * closed), else every few seconds.
   */
  private Future<JsonObject> onlineVisitors(Identity agent, JsonObject body) {
    Object watch = body.getValue("watching");
    if (watch instanceof Boolean watching) {
      services.liveVisitorWatchers().watch(agent.siteKey(), agent.id(), watching);
    } else if (watch != null) {
      throw Failure.badInput("watching must be true or false");
    }
    return services.presence().ofSite(agent.siteKey())
        .map(list -> LiveVisitorsJson.of(list).put("watchSeconds", Watchers.WATCH_FOR.toSeconds()));
  }

  /** An agent offers a visitor on the site a chat, in its own words. */
  private Future<JsonObject> invite(Identity agent, JsonObject body) {
    String visitorId = Inputs.id(body, "visitorId");
    String text = services.messageRules().validText(body.getValue("text"));
    return services.offers().invite(agent, visitorId, text).map(offerId -> new JsonObject().put("offerId", offerId));
  }
}
