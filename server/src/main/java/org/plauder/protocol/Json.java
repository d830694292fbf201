package org.plauder.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.plauder.agent.Agent;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.offer.Offer;
import org.plauder.offer.OfferOutcome;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.Visitor;

/** The one place where records become the JSON of the wire contract. */
public final class Json {

  private Json() {}

  public static JsonObject message(ChatMessage m) {
    JsonObject json = new JsonObject()
        .put("conversationId", m.conversationId())
        .put("seq", m.seq())
        .put("sender", m.sender().wire())
        .put("senderName", m.senderName())
        .put("text", m.text())
        .put("clientMsgId", m.clientMsgId())
        .put("time", time(m.time()));
    return m.attachment() == null ? json : json.put("attachment", attachment(m.attachment()));
  }

  /** The file a message carries: {@code id} for {@code GET /api/v1/files/{id}}, safe name, sniffed type, bytes. */
  public static JsonObject attachment(org.plauder.conversation.Attachment a) {
    return new JsonObject().put("id", a.id()).put("name", a.name()).put("type", a.type()).put("size", a.size())
        .put("url", fileUrl(a.id()));
  }

  /** Where a file is downloaded, with the conversation's visitor's or an agent's bearer token. */
  public static String fileUrl(String fileId) {
    return "/api/v1/files/" + fileId;
  }

  /** A whisper, as agents (never visitors) read it. */
  public static JsonObject whisper(org.plauder.conversation.Whisper w) {
    return new JsonObject().put("conversationId", w.conversationId()).put("agentId", w.agentId()).put("agentName", w.agentName())
        .put("text", w.text()).put("clientMsgId", w.clientMsgId()).put("time", time(w.at()));
  }

  public static JsonArray whispers(List<org.plauder.conversation.Whisper> whispers) {
    JsonArray array = new JsonArray();
    whispers.forEach(w -> array.add(whisper(w)));
    return array;
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
        .put("rating", c.rating())
        .put("language", c.needs().language())
        .put("topic", c.needs().skill())
        .put("channel", c.channel())
        .put("follows", c.follows());
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
        .put("emailLoad", a.emailLoad())
        .put("disabled", a.disabled())
        .put("languages", new JsonArray(a.languages()))
        .put("skills", new JsonArray(a.skills()))
        .put("displayName", a.displayName())
        .put("avatarUrl", avatarUrl(a.avatarFileId()));
  }

  /** Where an agent's picture is shown from (anyone may load it), or null: initials instead. */
  public static String avatarUrl(String avatarFileId) {
    return avatarFileId == null ? null : "/api/v1/avatars/" + avatarFileId;
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
        .put("languages", new JsonArray(s.languages()))
        .put("reassignAfterSeconds", s.reassignAfterSeconds())
        .put("stickyAgent", s.stickyAgent())
        .put("prechatForm", prechatForm(s.prechatForm()))
        .put("agentGraceSeconds", s.agentGraceSeconds())
        .put("agentAutoAwayMinutes", s.agentAutoAwayMinutes())
        .put("maxEmails", s.maxEmails())
        .put("topics", topics(s.skillRouting()))
        .put("skillFallbackSeconds", s.skillRouting().fallbackAfterSeconds())
        .put("timeZone", s.timeZone());
  }

  /** The topics a visitor may pick before a chat, each with the skill it needs and its label per language. */
  public static JsonArray topics(org.plauder.site.SkillRouting routing) {
    JsonArray topics = new JsonArray();
    routing.topics().forEach(t -> topics.add(new JsonObject().put("skill", t.skill())
        .put("labels", new JsonObject(new java.util.TreeMap<String, Object>(t.labels())))));
    return topics;
  }

  /** A conversation's routing steps, oldest first, as agents read them ("why me?"). */
  public static JsonArray routing(List<org.plauder.conversation.RoutingStep> steps) {
    JsonArray array = new JsonArray();
    for (org.plauder.conversation.RoutingStep step : steps) {
      JsonArray candidates = new JsonArray();
      step.candidates().forEach(c -> candidates.add(new JsonObject().put("agentId", c.agentId()).put("name", c.name())
          .put("load", c.load()).put("freeSlots", c.freeSlots())));
      array.add(new JsonObject().put("at", time(step.at())).put("rule", step.rule().wire())
          .put("agentId", step.agentId()).put("agentName", step.agentName())
          .put("fromAgentId", step.fromAgentId()).put("fromAgentName", step.fromAgentName())
          .put("candidates", candidates));
    }
    return array;
  }

  /** A site's pre-chat form, as admins set it and the widget asks it. */
  public static JsonObject prechatForm(org.plauder.site.PrechatForm f) {
    return new JsonObject().put("enabled", f.enabled()).put("name", f.name().wire()).put("email", f.email().wire())
        .put("consentRequired", f.consentRequired()).put("privacyUrl", f.privacyUrl());
  }

  /** A visitor as agents see it in the visitor panel. */
  public static JsonObject visitor(Visitor v) {
    JsonArray pages = new JsonArray();
    v.pages().forEach(p -> pages.add(page(p)));
    return new JsonObject()
        .put("id", v.id())
        .put("name", v.name())
        .put("email", v.email())
        .put("userAgent", v.userAgent())
        .put("createdAt", time(v.createdAt()))
        .put("lastSeenAt", time(v.lastSeenAt()))
        .put("visits", v.visits())
        .put("pageCount", v.pageCount())
        .put("currentPage", v.currentPage() == null ? null : page(v.currentPage()))
        .put("pages", pages);
  }

  /** An online visitor as the live-visitors list shows it. */
  public static JsonObject presence(OnlineVisitor p) {
    return new JsonObject()
        .put("visitorId", p.id())
        .put("name", p.name())
        .put("url", p.url())
        .put("title", p.title())
        .put("language", p.language())
        .put("pageSince", time(p.pageSince()))
        .put("onlineSince", time(p.onlineSince()))
        .put("pagesSeen", p.pagesSeen())
        .put("returning", p.returning())
        .put("offerOpen", p.openOffer() != null);
  }

  /** An offer as the widget shows it. */
  public static JsonObject offer(Offer o) {
    return new JsonObject().put("id", o.id()).put("text", o.text()).put("from", o.from());
  }

  /** How often offers were shown, accepted and dismissed, as the reports name them. */
  public static JsonObject offerCounts(Map<OfferOutcome, Long> counts) {
    return new JsonObject()
        .put("offersShown", counts.getOrDefault(OfferOutcome.SHOWN, 0L))
        .put("offersAccepted", counts.getOrDefault(OfferOutcome.ACCEPTED, 0L))
        .put("offersDismissed", counts.getOrDefault(OfferOutcome.DISMISSED, 0L));
  }

  /** One rule's (or the invitations') running totals: {shown, accepted, dismissed}. */
  public static JsonObject offerStats(Map<OfferOutcome, Integer> counts) {
    JsonObject stats = new JsonObject();
    for (OfferOutcome o : OfferOutcome.values()) {
      stats.put(o.wire(), counts == null ? 0 : counts.getOrDefault(o, 0));
    }
    return stats;
  }

  private static JsonObject page(Visitor.PageVisit p) {
    return new JsonObject().put("url", p.url()).put("title", p.title()).put("at", time(p.at()));
  }

  public static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** A chat's state as the visitor's requestChat, acceptOffer and history replies carry it. */
  public static JsonObject chatState(ChatState state) {
    JsonObject json = new JsonObject().put("status", state.status().wire());
    if (state.conversation() != null) {
      json.put("conversation", conversationForVisitor(state.conversation()));
    }
    if (state.status() == ConversationStatus.QUEUED) {
      json.put("position", state.position()).put("estimatedWaitSeconds", state.estimatedWaitSeconds());
      if (state.conversation() != null && state.conversation().isHeld()) {
        json.put("held", true);
      }
    }
    return state.masked() ? json.put("masked", true) : json;
  }

  /** The acknowledgement of a stored message; a resend gets the first send's, with {@code duplicate} true. */
  public static JsonObject ack(ChatLog.Appended appended) {
    ChatMessage m = appended.message();
    return new JsonObject()
        .put("conversationId", m.conversationId())
        .put("seq", m.seq())
        .put("clientMsgId", m.clientMsgId())
        .put("time", time(m.time()))
        .put("duplicate", appended.duplicate())
        .put("masked", appended.masked());
  }

  /** Someone in the conversation started or stopped typing ({@code from}: visitor or agent). */
  public static JsonObject typing(Conversation c, String from, boolean typing) {
    return push("typing").put("conversationId", c.id()).put("from", from).put("typing", typing);
  }

  /** Push frames carry a {@code type} so one handler per client can dispatch them. */
  public static JsonObject push(String type) {
    return new JsonObject().put("type", type);
  }
}
