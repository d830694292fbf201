package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.Services;
import org.plauder.abuse.Limits;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationService;
import org.plauder.conversation.ConversationStatus;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.routing.ChatRouter.FirstMessage;
import org.plauder.store.Messages;

/**
 * Answers the request/reply actions that visitors and agents send over the bridge. Each handler
 * reads the verified identity the bridge attached, checks the body, and ends in one reply or one
 * error (see docs/protocol.md).
 */
public final class ActionVerticle extends VerticleBase {

  private static final int MAX_NAME = 100;
  private static final int MAX_URL = 2048;
  private static final int MAX_NOTE = 500;

  @FunctionalInterface
  private interface Action {
    Future<JsonObject> handle(Identity identity, JsonObject body);
  }

  private final Services services;
  private final Limits limits;

  public ActionVerticle(Services services) {
    this.services = services;
    this.limits = new Limits(services.clock());
  }

  @Override
  public Future<?> start() {
    List<Future<Void>> registrations = List.of(
        on(Addresses.VISITOR_PAGE_VIEW, Identity.Kind.VISITOR, this::pageView),
        on(Addresses.VISITOR_REQUEST_CHAT, Identity.Kind.VISITOR, this::requestChat),
        on(Addresses.VISITOR_SEND, Identity.Kind.VISITOR, this::visitorSend),
        on(Addresses.VISITOR_TYPING, Identity.Kind.VISITOR, this::visitorTyping),
        on(Addresses.VISITOR_CLOSE, Identity.Kind.VISITOR, this::visitorClose),
        on(Addresses.VISITOR_RATE, Identity.Kind.VISITOR, this::rate),
        on(Addresses.VISITOR_LEAVE_MESSAGE, Identity.Kind.VISITOR, this::leaveMessage),
        on(Addresses.VISITOR_HISTORY, Identity.Kind.VISITOR, this::visitorHistory),
        on(Addresses.VISITOR_EMAIL_TRANSCRIPT, Identity.Kind.VISITOR, this::emailTranscript),
        on(Addresses.VISITOR_ACCEPT_OFFER, Identity.Kind.VISITOR, this::acceptOffer),
        on(Addresses.VISITOR_DISMISS_OFFER, Identity.Kind.VISITOR, this::dismissOffer),
        on(Addresses.AGENT_VISITORS, Identity.Kind.AGENT, this::onlineVisitors),
        on(Addresses.AGENT_INVITE, Identity.Kind.AGENT, this::invite),
        on(Addresses.AGENT_STATUS, Identity.Kind.AGENT, this::agentStatus),
        on(Addresses.AGENT_CONVERSATIONS, Identity.Kind.AGENT, this::agentConversations),
        on(Addresses.AGENT_SEND, Identity.Kind.AGENT, this::agentSend),
        on(Addresses.AGENT_TYPING, Identity.Kind.AGENT, this::agentTyping),
        on(Addresses.AGENT_CLOSE, Identity.Kind.AGENT, this::agentClose),
        on(Addresses.AGENT_TRANSFER, Identity.Kind.AGENT, this::transfer),
        on(Addresses.AGENT_TAKE, Identity.Kind.AGENT, this::take),
        on(Addresses.AGENT_HISTORY, Identity.Kind.AGENT, this::agentHistory));
    return Future.all(registrations);
  }

  private Future<Void> on(String address, Identity.Kind kind, Action action) {
    return vertx.eventBus().<Object>consumer(address, message -> {
      Future<JsonObject> result;
      try {
        Identity identity = identityOf(message.headers(), kind);
        throttle(address, identity, message.headers().get(Addresses.HEADER_IP));
        if (!(message.body() instanceof JsonObject body)) {
          throw Failure.badInput("the body must be a JSON object");
        }
        result = kind == Identity.Kind.AGENT ? whileEnabled(identity, body, action) : action.handle(identity, body);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(
          reply -> message.reply(reply == null ? new JsonObject() : reply),
          error -> Replies.fail(message, error));
    }).completion();
  }

  /** Floods get a 429 before they cost a database round trip. */
  private void throttle(String address, Identity identity, String ip) {
    switch (address) {
      case Addresses.VISITOR_SEND, Addresses.AGENT_SEND -> limits.message(identity.id(), ip == null ? null : "ip:" + ip);
      case Addresses.VISITOR_TYPING, Addresses.AGENT_TYPING -> limits.typing(identity.id());
      case Addresses.VISITOR_REQUEST_CHAT, Addresses.VISITOR_LEAVE_MESSAGE, Addresses.VISITOR_ACCEPT_OFFER ->
          limits.chatStart(identity.id(), ip == null ? null : "ip:" + ip);
      default -> { }
    }
  }

  /** A disabled agent's token stays valid until it expires; its actions are refused from the moment it is disabled. */
  private Future<JsonObject> whileEnabled(Identity agent, JsonObject body, Action action) {
    return services.agents().requireEnabled(agent.id()).compose(a -> action.handle(agent, body));
  }

  private static Identity identityOf(MultiMap headers, Identity.Kind expected) {
    String authError = headers.get(Addresses.HEADER_AUTH_ERROR);
    if (authError != null) {
      throw Failure.unauthorized(authError, "the token was refused (" + authError + "), sign in again");
    }
    String kind = headers.get(Addresses.HEADER_KIND);
    String id = headers.get(Addresses.HEADER_ID);
    String site = headers.get(Addresses.HEADER_SITE);
    if (kind == null || id == null || site == null) {
      throw Failure.unauthorized("token_missing", "no verified identity");
    }
    if (!expected.audience().equals(kind)) {
      throw Failure.forbidden("this action is not for " + kind + "s");
    }
    return new Identity(expected, id, site, headers.get(Addresses.HEADER_ROLE));
  }

  // ---- visitor actions ----

  private Future<JsonObject> pageView(Identity visitor, JsonObject body) {
    String url = Inputs.requiredString(body, "url", MAX_URL);
    String title = Inputs.optionalString(body, "title", 300);
    String language = Inputs.optionalString(body, "language", 16);
    if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})?")) {
      throw Failure.badInput("language must be a language tag such as de or en-GB");
    }
    String lang = language == null ? null : language.substring(0, Math.min(language.length(), 2)).toLowerCase(java.util.Locale.ROOT);
    var now = services.clock().instant();
    return services.visitors().recordPageView(visitor.id(), url, title, now)
        .compose(v -> services.presence().pageView(visitor.id(), visitor.siteKey(), url, title, lang, now))
        .map(p -> {
          presenceChanged(visitor.id());
          org.bson.Document offer = p == null ? null : p.get("openOffer", org.bson.Document.class);
          // A tab that was between pages when an offer closed learns here whether it is still open.
          return new JsonObject().put("offer", offer == null ? null : Json.offer(offer));
        });
  }

  /** Tells every tab of the visitor that this offer is answered, so none keeps showing it. */
  private void offerClosed(String visitorId, String offerId) {
    services.inboxes().toVisitor(visitorId, Json.push("offerClosed").put("offerId", offerId));
  }

  private void presenceChanged(String visitorId) {
    vertx.eventBus().publish(Addresses.INTERNAL_PRESENCE_CHANGED, new JsonObject().put("visitorId", visitorId));
  }

  /** Opens the chat with the offer's text as its first message, routed like any other request. */
  private Future<JsonObject> acceptOffer(Identity visitor, JsonObject body) {
    String offerId = Inputs.id(body, "offerId");
    String name = Inputs.optionalString(body, "name", MAX_NAME);
    String email = Inputs.optionalEmail(body, "email");
    return services.presence().takeOffer(visitor.id(), offerId).compose(offer -> {
      if (offer == null) {
        return Future.failedFuture(Failure.conflict("offer_gone", "this offer is no longer open"));
      }
      offerClosed(visitor.id(), offerId);
      boolean invitation = offer.getString("agentId") != null;
      var opening = new org.plauder.routing.ChatRouter.Opening(offerId, offer.getString("text"),
          invitation ? ChatMessage.Sender.AGENT : ChatMessage.Sender.SYSTEM, offer.getString("agentId"), offer.getString("from"));
      return services.offers().count(visitor.siteKey(), offer.getString("ruleId"), org.plauder.store.OfferStore.Outcome.ACCEPTED,
          services.clock().instant())
          .compose(v -> services.router().requestChat(visitor, name, email, null, opening))
          .onSuccess(state -> presenceChanged(visitor.id()));
    });
  }

  private Future<JsonObject> dismissOffer(Identity visitor, JsonObject body) {
    String offerId = Inputs.id(body, "offerId");
    var now = services.clock().instant();
    return services.presence().takeOffer(visitor.id(), offerId).compose(offer -> offer == null
        ? Future.succeededFuture(new JsonObject())
        : services.visitors().recordOfferDismissed(visitor.id(), now)
            .onSuccess(v -> {
              offerClosed(visitor.id(), offerId);
              presenceChanged(visitor.id());
            })
            .compose(v -> services.offers().count(visitor.siteKey(), offer.getString("ruleId"), org.plauder.store.OfferStore.Outcome.DISMISSED, now))
            .map(v -> new JsonObject()));
  }

  private Future<JsonObject> requestChat(Identity visitor, JsonObject body) {
    String name = Inputs.optionalString(body, "name", MAX_NAME);
    String email = Inputs.optionalEmail(body, "email");
    FirstMessage first = body.getValue("text") == null ? null : firstMessage(body);
    // A visitor who starts a chat on its own no longer needs the offer it may have open.
    return services.presence().clearOffer(visitor.id())
        .compose(cleared -> {
          if (cleared != null) {
            offerClosed(visitor.id(), cleared.getString("id"));
          }
          return services.router().requestChat(visitor, name, email, first);
        })
        .compose(state -> (name == null ? Future.<Void>succeededFuture() : services.presence().setName(visitor.id(), name))
            .map(v -> {
              presenceChanged(visitor.id()); // agents see the name, and that the visitor now chats
              return state;
            }));
  }

  private Future<JsonObject> leaveMessage(Identity visitor, JsonObject body) {
    String name = Inputs.optionalString(body, "name", MAX_NAME);
    String email = Inputs.optionalEmail(body, "email");
    if (email == null) {
      throw Failure.badInput("email is required so that an agent can answer");
    }
    return services.router().leaveMessage(visitor, name, email, firstMessage(body));
  }

  private FirstMessage firstMessage(JsonObject body) {
    return new FirstMessage(
        services.messageRules().validText(body.getValue("text")),
        services.messageRules().validClientMsgId(body.getValue("clientMsgId")));
  }

  private Future<JsonObject> visitorSend(Identity visitor, JsonObject body) {
    FirstMessage m = firstMessage(body);
    return ownConversation(visitor, body).compose(c -> {
      requireOpen(c);
      return services.messages().append(c, ChatMessage.Sender.VISITOR, visitor.id(), c.visitorName(), m.text(), m.clientMsgId());
    }).map(ActionVerticle::ack);
  }

  private Future<JsonObject> visitorTyping(Identity visitor, JsonObject body) {
    boolean typing = Inputs.bool(body, "typing");
    return ownConversation(visitor, body).map(c -> {
      if (c.status() == ConversationStatus.ACTIVE) {
        vertx.eventBus().publish(Addresses.agentInbox(c.agentId()), typingFrame(c, "visitor", typing));
      }
      return new JsonObject();
    });
  }

  private Future<JsonObject> visitorClose(Identity visitor, JsonObject body) {
    return ownConversation(visitor, body).compose(c -> services.router().close(c, "visitor"))
        .map(closed -> {
          presenceChanged(visitor.id());
          return new JsonObject().put("conversation", Json.conversationForVisitor(closed));
        });
  }

  private Future<JsonObject> rate(Identity visitor, JsonObject body) {
    int rating = Inputs.intInRange(body, "rating", 1, 5);
    return ownConversation(visitor, body)
        .compose(c -> services.conversations().rate(c.id(), rating))
        .map(v -> new JsonObject().put("rating", rating));
  }

  /** Once per ended conversation, so the action cannot be used to send mail to anyone, again and again. */
  private Future<JsonObject> emailTranscript(Identity visitor, JsonObject body) {
    if (!services.canEmailTranscripts()) {
      throw new Failure(501, "email_unavailable", "sending transcripts by e-mail is not set up on this server");
    }
    String email = Inputs.optionalEmail(body, "email");
    if (email == null) {
      throw Failure.badInput("email is required");
    }
    return ownConversation(visitor, body).compose(c -> {
      if (c.isOpen()) {
        throw Failure.conflict("conversation_open", "the transcript can be sent once the chat has ended");
      }
      return services.conversations().claimTranscriptEmail(c.id(), services.clock().instant()).compose(claimed -> {
        if (!claimed) {
          return Future.failedFuture(Failure.conflict("already_sent", "the transcript of this chat was sent already"));
        }
        return Future.all(services.messages().allMessages(c), services.sites().find(c.siteKey()))
            .compose(all -> services.mailer().send(email, all.<org.plauder.site.Site>resultAt(1).name(), c,
                all.<List<ChatMessage>>resultAt(0)))
            .recover(e -> services.conversations().releaseTranscriptEmail(c.id()).compose(v -> Future.failedFuture(
                new Failure(502, "email_failed", "the mail server did not accept the transcript, try again later"))))
            .map(v -> new JsonObject().put("sentTo", email));
      });
    });
  }

  private Future<JsonObject> visitorHistory(Identity visitor, JsonObject body) {
    long afterSeq = Inputs.optionalLong(body, "afterSeq", 0);
    Future<Conversation> which = body.getValue("conversationId") == null
        ? services.conversations().findOpenOfVisitor(visitor.id())
            .compose(open -> open != null ? Future.succeededFuture(open) : services.conversations().findLatestOfVisitor(visitor.id()))
        : ownConversation(visitor, body);
    return which.compose(c -> {
      if (c == null) {
        return Future.succeededFuture(new JsonObject().putNull("conversation").put("messages", new JsonArray()));
      }
      return Future.all(services.messages().history(c, afterSeq), services.router().describe(c.id())).map(all -> {
        Messages.Page page = all.resultAt(0);
        JsonObject state = all.resultAt(1);
        return state.put("messages", Json.messages(page.messages())).put("hasMore", page.hasMore());
      });
    });
  }

  /** The visitor's own conversation; another visitor's looks exactly like a missing one. */
  private Future<Conversation> ownConversation(Identity visitor, JsonObject body) {
    String id = Inputs.id(body, "conversationId");
    return services.conversations().find(id).map(c -> {
      if (c == null || !c.visitorId().equals(visitor.id()) || !c.siteKey().equals(visitor.siteKey())) {
        throw Failure.notFound("conversation");
      }
      return c;
    });
  }

  // ---- agent actions ----

  private Future<JsonObject> agentStatus(Identity agent, JsonObject body) {
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

  private Future<JsonObject> agentConversations(Identity agent, JsonObject body) {
    return Future.all(
            services.agents().find(agent.id()),
            services.conversations().activeOfAgent(agent.id()),
            services.conversations().queuedOfSite(agent.siteKey()))
        .map(all -> {
          Agent me = all.resultAt(0);
          List<Conversation> active = all.resultAt(1);
          List<Conversation> queued = all.resultAt(2);
          var activeJson = new JsonArray();
          active.forEach(c -> activeJson.add(Json.conversation(c)));
          var queuedJson = new JsonArray();
          queued.forEach(c -> queuedJson.add(Json.conversation(c)));
          return new JsonObject().put("agent", me == null ? null : Json.agent(me))
              .put("active", activeJson).put("queue", queuedJson);
        });
  }

  private Future<JsonObject> agentSend(Identity agent, JsonObject body) {
    FirstMessage m = firstMessage(body);
    return Future.all(heldConversation(agent, body), services.agents().find(agent.id())).compose(all -> {
      Conversation c = all.resultAt(0);
      Agent me = all.resultAt(1);
      return services.messages().append(c, ChatMessage.Sender.AGENT, agent.id(), me == null ? null : me.name(), m.text(), m.clientMsgId());
    }).map(ActionVerticle::ack);
  }

  private Future<JsonObject> agentTyping(Identity agent, JsonObject body) {
    boolean typing = Inputs.bool(body, "typing");
    return heldConversation(agent, body).map(c -> {
      vertx.eventBus().publish(Addresses.visitorInbox(c.visitorId()), typingFrame(c, "agent", typing));
      return new JsonObject();
    });
  }

  private Future<JsonObject> agentClose(Identity agent, JsonObject body) {
    return siteConversation(agent, body).compose(c -> {
      if (c.status() == ConversationStatus.ACTIVE && !agent.id().equals(c.agentId()) && !agent.isAdmin()) {
        throw Failure.conflict("not_your_chat", "only the agent holding the chat or an admin can close it");
      }
      return services.router().close(c, "agent");
    }).map(closed -> new JsonObject().put("conversation", Json.conversation(closed)));
  }

  private Future<JsonObject> transfer(Identity agent, JsonObject body) {
    String toAgentId = Inputs.id(body, "toAgentId");
    String note = Inputs.optionalString(body, "note", MAX_NOTE);
    return siteConversation(agent, body).compose(c -> services.router().transfer(agent, c, toAgentId, note));
  }

  private Future<JsonObject> take(Identity agent, JsonObject body) {
    return siteConversation(agent, body).compose(c -> services.router().take(agent, c))
        .map(c -> new JsonObject().put("conversation", Json.conversation(c)));
  }

  /** The site's visitors online now, for the live-visitors list; changes follow as pushes. */
  private Future<JsonObject> onlineVisitors(Identity agent, JsonObject body) {
    var since = services.clock().instant().minusSeconds(60);
    return services.presence().onlineOfSite(agent.siteKey(), since).map(list -> {
      JsonArray visitors = new JsonArray();
      list.forEach(p -> visitors.add(Json.presence(p)));
      return new JsonObject().put("visitors", visitors);
    });
  }

  /** An agent offers a visitor on the site a chat, in its own words. */
  private Future<JsonObject> invite(Identity agent, JsonObject body) {
    String visitorId = Inputs.id(body, "visitorId");
    String text = services.messageRules().validText(body.getValue("text"));
    return Future.all(services.presence().find(visitorId), services.conversations().findOpenOfVisitor(visitorId),
        services.agents().find(agent.id())).compose(all -> {
          org.bson.Document online = all.resultAt(0);
          if (online == null || !agent.siteKey().equals(online.getString("siteKey"))) {
            return Future.failedFuture(Failure.notFound("online visitor"));
          }
          if (all.resultAt(1) != null) {
            return Future.failedFuture(Failure.conflict("visitor_chatting", "this visitor is in a chat already"));
          }
          Agent me = all.resultAt(2);
          org.bson.Document offer = new org.bson.Document("id", new org.bson.types.ObjectId().toHexString())
              .append("ruleId", "invite").append("text", text).append("from", me.name()).append("agentId", me.id());
          return services.presence().openOffer(visitorId, offer).compose(opened -> {
            if (!opened) {
              return Future.failedFuture(Failure.conflict("offer_open", "this visitor has an offer open already"));
            }
            return services.offers().count(agent.siteKey(), "invite", org.plauder.store.OfferStore.Outcome.SHOWN, services.clock().instant()).map(v -> {
              services.inboxes().toVisitor(visitorId, Json.push("offer").put("offer", Json.offer(offer)));
              presenceChanged(visitorId);
              return new JsonObject().put("offerId", offer.getString("id"));
            });
          });
        });
  }

  private Future<JsonObject> agentHistory(Identity agent, JsonObject body) {
    long afterSeq = Inputs.optionalLong(body, "afterSeq", 0);
    return siteConversation(agent, body).compose(c -> services.messages().history(c, afterSeq).map(page ->
        new JsonObject()
            .put("conversation", Json.conversation(c))
            .put("messages", Json.messages(page.messages()))
            .put("hasMore", page.hasMore())));
  }

  /** A conversation of the agent's site; another site's looks exactly like a missing one. */
  private Future<Conversation> siteConversation(Identity agent, JsonObject body) {
    String id = Inputs.id(body, "conversationId");
    return services.conversations().find(id).map(c -> {
      if (c == null || !c.siteKey().equals(agent.siteKey())) {
        throw Failure.notFound("conversation");
      }
      return c;
    });
  }

  /** An active conversation held by this agent. */
  private Future<Conversation> heldConversation(Identity agent, JsonObject body) {
    return siteConversation(agent, body).map(c -> {
      if (c.status() != ConversationStatus.ACTIVE || !agent.id().equals(c.agentId())) {
        throw Failure.conflict("not_your_chat", "this chat is not one of your active chats");
      }
      return c;
    });
  }

  private static void requireOpen(Conversation c) {
    if (!c.isOpen()) {
      throw Failure.conflict("conversation_closed", "the conversation is closed");
    }
  }

  private static JsonObject typingFrame(Conversation c, String from, boolean typing) {
    return Json.push("typing").put("conversationId", c.id()).put("from", from).put("typing", typing);
  }

  private static JsonObject ack(ConversationService.Appended appended) {
    ChatMessage m = appended.message();
    return new JsonObject()
        .put("conversationId", m.conversationId())
        .put("seq", m.seq())
        .put("clientMsgId", m.clientMsgId())
        .put("time", Json.time(m.time()))
        .put("duplicate", appended.duplicate())
        .put("masked", appended.masked());
  }
}
