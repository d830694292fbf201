package org.plauder.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;

/** The one place where records become the JSON of the wire contract. */
public final class Json {

  private Json() {}

  public static JsonObject message(ChatMessage m) {
    return new JsonObject()
        .put("conversationId", m.conversationId())
        .put("seq", m.seq())
        .put("sender", m.sender().wire())
        .put("senderName", m.senderName())
        .put("text", m.text())
        .put("clientMsgId", m.clientMsgId())
        .put("time", time(m.time()));
  }

  public static JsonArray messages(List<ChatMessage> messages) {
    JsonArray array = new JsonArray();
    messages.forEach(m -> array.add(message(m)));
    return array;
  }

  public static JsonObject conversation(Conversation c) {
    if (c == null) {
      return null;
    }
    return new JsonObject()
        .put("id", c.id())
        .put("siteKey", c.siteKey())
        .put("visitorId", c.visitorId())
        .put("visitorName", c.visitorName())
        .put("visitorEmail", c.visitorEmail())
        .put("agentId", c.agentId())
        .put("agentName", c.agentName())
        .put("status", c.status().wire())
        .put("createdAt", time(c.createdAt()))
        .put("assignedAt", time(c.assignedAt()))
        .put("closedAt", time(c.closedAt()))
        .put("lastSeq", c.lastSeq())
        .put("rating", c.rating());
  }

  /** What a visitor may see of a conversation: no agent ids or other internals. */
  public static JsonObject conversationForVisitor(Conversation c) {
    if (c == null) {
      return null;
    }
    return new JsonObject()
        .put("id", c.id())
        .put("status", c.status().wire())
        .put("agentName", c.agentName())
        .put("createdAt", time(c.createdAt()))
        .put("lastSeq", c.lastSeq())
        .put("rating", c.rating());
  }

  public static JsonObject agent(Agent a) {
    return new JsonObject()
        .put("id", a.id())
        .put("siteKey", a.siteKey())
        .put("email", a.email())
        .put("name", a.name())
        .put("role", a.role())
        .put("maxChats", a.maxChats())
        .put("status", a.status().wire())
        .put("load", a.load())
        .put("disabled", a.disabled());
  }

  public static JsonObject site(org.plauder.site.Site s) {
    return new JsonObject()
        .put("key", s.key())
        .put("name", s.name())
        .put("allowedOrigins", new JsonArray(s.allowedOrigins()))
        .put("defaultMaxChats", s.defaultMaxChats())
        .put("offlineMessage", s.offlineMessage())
        .put("retentionDays", s.retentionDays())
        .put("maskCardNumbers", s.maskCardNumbers())
        .put("languages", new JsonArray(s.languages()));
  }

  /** A visitor as agents see it in the visitor panel. */
  public static JsonObject visitor(org.bson.Document v) {
    JsonArray pages = new JsonArray();
    List<?> stored = v.getList("pages", org.bson.Document.class, List.of());
    for (Object o : stored) {
      org.bson.Document p = (org.bson.Document) o;
      pages.add(page(p));
    }
    org.bson.Document current = v.get("currentPage", org.bson.Document.class);
    return new JsonObject()
        .put("id", v.getString("_id"))
        .put("name", v.getString("name"))
        .put("email", v.getString("email"))
        .put("userAgent", v.getString("userAgent"))
        .put("createdAt", time(v.getDate("createdAt")))
        .put("lastSeenAt", time(v.getDate("lastSeenAt")))
        .put("visits", v.getInteger("visits", 1))
        .put("pageCount", v.getInteger("pageCount", 0))
        .put("currentPage", current == null ? null : page(current))
        .put("pages", pages);
  }

  /** An online visitor as the live-visitors list shows it. */
  public static JsonObject presence(org.bson.Document p) {
    org.bson.Document offer = p.get("openOffer", org.bson.Document.class);
    return new JsonObject()
        .put("visitorId", p.getString("_id"))
        .put("name", p.getString("name"))
        .put("url", p.getString("url"))
        .put("title", p.getString("title"))
        .put("language", p.getString("language"))
        .put("pageSince", time(p.getDate("pageSince")))
        .put("onlineSince", time(p.getDate("onlineSince")))
        .put("pagesSeen", p.getInteger("pagesSeen", 0))
        .put("returning", p.getBoolean("returning", false))
        .put("offerOpen", offer != null);
  }

  /** An offer as the widget shows it. */
  public static JsonObject offer(org.bson.Document o) {
    return new JsonObject().put("id", o.getString("id")).put("text", o.getString("text")).put("from", o.getString("from"));
  }

  private static JsonObject page(org.bson.Document p) {
    return new JsonObject().put("url", p.getString("url")).put("title", p.getString("title")).put("at", time(p.getDate("at")));
  }

  private static String time(java.util.Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  public static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Push frames carry a {@code type} so one handler per client can dispatch them. */
  public static JsonObject push(String type) {
    return new JsonObject().put("type", type);
  }
}
