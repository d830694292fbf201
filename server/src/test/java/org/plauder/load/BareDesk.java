package org.plauder.load;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The bare relay's actions (see {@link BareRelay}): pairs a chat request with the online agent
 * of lowest load that has a free slot, numbers messages, acks them and pushes them to both
 * sides, on the same addresses and in the same JSON as Plauder, but keeps it all in memory and
 * writes nothing anywhere. It is the baseline of what Vert.x itself costs for that work.
 */
final class BareDesk extends VerticleBase {

  /** Where {@link BareRelay}'s REST handler asks for the agents and their loads. */
  static final String AGENTS_ADDRESS = "bare.agents";

  private static final class Agent {
    final String id;
    int maxChats;
    int load;
    boolean online;
    long lastAssigned;

    Agent(String id) {
      this.id = id;
    }
  }

  private record Chat(String id, String visitorId, String agentId, long[] lastSeq) {}

  private final Map<String, Agent> agents = new LinkedHashMap<>();
  private final Map<String, Chat> chats = new HashMap<>();
  private final Map<String, String> openChatOfVisitor = new HashMap<>();
  private final Deque<String> queue = new ArrayDeque<>();
  private long nextChat;
  private long assignments;

  @Override
  public Future<?> start() {
    List<Future<Void>> consumers = List.of(
        on("visitor.pageView", (who, body) -> new JsonObject().putNull("offer")),
        on("visitor.requestChat", (who, body) -> requestChat(who.getString(BareRelay.ID))),
        on("visitor.send", (who, body) -> send(who, body, "visitor")),
        on("visitor.close", (who, body) -> close(who.getString(BareRelay.ID), body.getString("conversationId"))),
        on("agent.send", (who, body) -> send(who, body, "agent")),
        on("agent.status", this::status),
        on("agent.conversations", this::conversations),
        on("visitor.history", (who, body) -> history(who.getString(BareRelay.ID))),
        on(AGENTS_ADDRESS, (who, body) -> agentList()));
    return Future.all(consumers);
  }

  private Future<Void> on(String address, BiFunction<JsonObject, JsonObject, JsonObject> action) {
    return vertx.eventBus().<JsonObject>consumer(address, message -> {
      try {
        message.reply(action.apply(identity(message), message.body()));
      } catch (IllegalArgumentException e) {
        message.fail(400, e.getMessage());
      }
    }).completion();
  }

  private static JsonObject identity(Message<JsonObject> message) {
    JsonObject who = new JsonObject();
    message.headers().forEach(h -> who.put(h.getKey(), h.getValue()));
    return who;
  }

  private JsonObject requestChat(String visitorId) {
    String open = openChatOfVisitor.get(visitorId);
    if (open != null) {
      return chatState(chats.get(open));
    }
    if (agents.values().stream().noneMatch(a -> a.online)) {
      return new JsonObject().put("status", "offline");
    }
    Agent agent = freeAgent();
    if (agent == null) {
      queue.addLast(visitorId);
      return new JsonObject().put("status", "queued").put("position", queue.size()).putNull("estimatedWaitSeconds");
    }
    return chatState(assign(visitorId, agent));
  }

  private Agent freeAgent() {
    Agent best = null;
    for (Agent a : agents.values()) {
      if (a.online && a.load < a.maxChats
          && (best == null || a.load < best.load || (a.load == best.load && a.lastAssigned < best.lastAssigned))) {
        best = a;
      }
    }
    return best;
  }

  private Chat assign(String visitorId, Agent agent) {
    agent.load++;
    agent.lastAssigned = ++assignments;
    Chat chat = new Chat(String.format("%024x", ++nextChat), visitorId, agent.id, new long[1]);
    chats.put(chat.id(), chat);
    openChatOfVisitor.put(visitorId, chat.id());
    JsonObject assigned = new JsonObject().put("type", "assigned").put("conversation", conversation(chat));
    EventBus bus = vertx.eventBus();
    bus.publish("visitor." + visitorId, assigned);
    bus.publish("agent." + agent.id, assigned);
    return chat;
  }

  private JsonObject send(JsonObject who, JsonObject body, String sender) {
    Chat chat = chats.get(body.getString("conversationId"));
    String me = who.getString(BareRelay.ID);
    if (chat == null || !me.equals("visitor".equals(sender) ? chat.visitorId() : chat.agentId())) {
      throw new IllegalArgumentException("not_found: no such conversation");
    }
    long seq = ++chat.lastSeq()[0];
    String time = Instant.now().toString();
    JsonObject message = new JsonObject().put("conversationId", chat.id()).put("seq", seq).put("sender", sender)
        .put("senderName", sender).put("text", body.getString("text")).put("clientMsgId", body.getString("clientMsgId"))
        .put("time", time);
    JsonObject push = new JsonObject().put("type", "message").put("message", message);
    vertx.eventBus().publish("visitor." + chat.visitorId(), push);
    vertx.eventBus().publish("agent." + chat.agentId(), push);
    return new JsonObject().put("conversationId", chat.id()).put("seq", seq).put("clientMsgId", body.getString("clientMsgId"))
        .put("time", time).put("duplicate", false).put("masked", false);
  }

  /** Ends the visitor's chat, frees its agent's slot and gives it to the head of the queue. */
  private JsonObject close(String visitorId, String conversationId) {
    Chat chat = chats.get(conversationId);
    if (chat == null || !chat.visitorId().equals(visitorId)) {
      throw new IllegalArgumentException("not_found: no such conversation");
    }
    chats.remove(chat.id());
    openChatOfVisitor.remove(visitorId);
    agents.get(chat.agentId()).load--;
    assignQueued();
    return new JsonObject().put("conversation", conversation(chat).put("status", "closed"));
  }

  private void assignQueued() {
    while (!queue.isEmpty() && freeAgent() != null) {
      assign(queue.removeFirst(), freeAgent());
    }
  }

  private JsonObject status(JsonObject who, JsonObject body) {
    Agent agent = agents.computeIfAbsent(who.getString(BareRelay.ID), Agent::new);
    agent.maxChats = Integer.parseInt(who.getString(BareRelay.MAX_CHATS));
    agent.online = "online".equals(body.getString("status", "online"));
    assignQueued();
    return new JsonObject().put("agent", agentJson(agent));
  }

  private JsonObject conversations(JsonObject who, JsonObject body) {
    JsonArray active = new JsonArray();
    chats.values().stream().filter(c -> c.agentId().equals(who.getString(BareRelay.ID))).forEach(c -> active.add(conversation(c)));
    return new JsonObject().put("active", active).put("queue", new JsonArray());
  }

  private JsonObject history(String visitorId) {
    String open = openChatOfVisitor.get(visitorId);
    JsonObject state = open == null ? new JsonObject().putNull("conversation") : chatState(chats.get(open));
    return state.put("messages", new JsonArray()).put("hasMore", false);
  }

  private JsonObject agentList() {
    JsonArray list = new JsonArray();
    agents.values().forEach(a -> list.add(agentJson(a)));
    return new JsonObject().put("agents", list);
  }

  private static JsonObject agentJson(Agent a) {
    return new JsonObject().put("id", a.id).put("maxChats", a.maxChats).put("load", a.load)
        .put("status", a.online ? "online" : "offline");
  }

  private JsonObject chatState(Chat chat) {
    return new JsonObject().put("status", "active").put("conversation", conversation(chat));
  }

  private static JsonObject conversation(Chat chat) {
    return new JsonObject().put("id", chat.id()).put("siteKey", "demo").put("visitorId", chat.visitorId())
        .put("agentId", chat.agentId()).put("status", "active").put("lastSeq", chat.lastSeq()[0]);
  }
}
