package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.ConversationStatus;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.routing.ChatRouter.FirstMessage;
import org.plauder.site.Site;
import org.plauder.transcript.LeftAfterChat;
import org.plauder.store.Messages;
import org.plauder.store.Notes;
import org.plauder.store.WrapUps;
import org.plauder.wrapup.WrapUpService;

/** The actions a visitor's widget sends over the bridge (docs/protocol.md): each checks its body, calls one service, shapes the reply. */
final class VisitorActions {

  static final int MAX_NAME = 100;
  private static final int MAX_URL = 2048;

  private final Services services;
  private final WrapUpService wrapUps;

  VisitorActions(Services services) {
    this.services = services;
    this.wrapUps = new WrapUpService(new WrapUps(services.database()), new Notes(services.database()), services.messages(),
        services.events(), services.clock());
  }

  List<Future<Void>> register(ActionGate gate) {
    Identity.Kind visitor = Identity.Kind.VISITOR;
    return List.of(
        gate.on(Addresses.VISITOR_PAGE_VIEW, visitor, this::pageView),
        gate.on(Addresses.VISITOR_REQUEST_CHAT, visitor, this::requestChat),
        gate.on(Addresses.VISITOR_SEND, visitor, this::send),
        gate.on(Addresses.VISITOR_TYPING, visitor, this::typing),
        gate.on(Addresses.VISITOR_CLOSE, visitor, this::close),
        gate.on(Addresses.VISITOR_RATE, visitor, this::rate),
        gate.on(Addresses.VISITOR_LEAVE_MESSAGE, visitor, this::leaveMessage),
        gate.on(Addresses.VISITOR_HISTORY, visitor, this::history),
        gate.on(Addresses.VISITOR_EMAIL_TRANSCRIPT, visitor, this::emailTranscript),
        gate.on(Addresses.VISITOR_ACCEPT_OFFER, visitor, this::acceptOffer),
        gate.on(Addresses.VISITOR_DISMISS_OFFER, visitor, this::dismissOffer),
        gate.on(Addresses.VISITOR_PRECHAT, visitor, this::prechat),
        gate.on(Addresses.VISITOR_OFFER_SEEN, visitor, this::offerSeen),
        gate.on(Addresses.VISITOR_AVAILABILITY, visitor, this::availability));
  }

  private Future<JsonObject> pageView(Identity visitor, JsonObject body) {
    String url = Inputs.requiredString(body, "url", MAX_URL);
    String title = Inputs.optionalString(body, "title", 300);
    String language = Inputs.optionalString(body, "language", 16);
    if (language != null && !language.matches(ChatNeedsInput.LANGUAGE_TAG)) {
      throw Failure.badInput("language must be a language tag such as de or en-GB");
    }
    return services.tracking().pageView(visitor, url, title, language)
        .map(offer -> new JsonObject().put("offer", offer == null ? null : Json.offer(offer)));
  }

  private Future<JsonObject> requestChat(Identity visitor, JsonObject body) {
    String name = Inputs.optionalString(body, "name", MAX_NAME);
    String email = Inputs.optionalEmail(body, "email");
    FirstMessage first = body.getValue("text") == null ? null : firstMessage(body);
    return prechatAnswered(visitor, name, email, body).compose(v -> needs(visitor, body))
        .compose(needs -> services.router().requestChat(visitor, name, email, needs, first, null))
        .compose(state -> AgentFaces.chatState(services.caches().agents(), state));
  }

  /** The language and topic a new chat asks its agent for ({@link ChatNeedsInput}). */
  private Future<ChatNeeds> needs(Identity visitor, JsonObject body) {
    return services.caches().sites().get(visitor.siteKey())
        .map(site -> ChatNeedsInput.parse(body, site, services.clock().instant()));
  }

  /** The pre-chat form's answers, checked before the visitor writes (a new chat checks them again) and kept as its contact. */
  private Future<JsonObject> prechat(Identity visitor, JsonObject body) {
    String name = Inputs.optionalString(body, "name", MAX_NAME);
    String email = Inputs.optionalEmail(body, "email");
    return prechatAnswered(visitor, name, email, body)
        .compose(v -> services.visitors().setContact(visitor.id(), name, email))
        .map(v -> new JsonObject());
  }

  /** A new chat answers the site's pre-chat form first, unless the visitor is a verified user (the site knows it). */
  private Future<Void> prechatAnswered(Identity visitor, String name, String email, JsonObject body) {
    boolean consent = body.getValue("consent") != null && Inputs.bool(body, "consent");
    return services.caches().sites().get(visitor.siteKey()).compose(site -> {
      Failure missing = site == null ? null : site.prechatForm().missing(name, email, consent);
      return missing == null ? Future.<Void>succeededFuture()
          : services.visitors().isVerified(visitor.id()).compose(verified -> verified ? Future.succeededFuture() : Future.failedFuture(missing));
    });
  }

  private Future<JsonObject> leaveMessage(Identity visitor, JsonObject body) {
    String name = Inputs.optionalString(body, "name", MAX_NAME);
    String email = Inputs.optionalEmail(body, "email");
    if (email == null) {
      throw Failure.badInput("email is required so that an agent can answer");
    }
    // the visitor's chat that lost its agent: it goes with the message, so agents read it too
    String chatId = body.getValue("conversationId") == null ? null : Inputs.id(body, "conversationId");
    FirstMessage message = firstMessage(body);
    Future<Conversation> chat = chatId == null ? Future.succeededFuture() : services.access().ofVisitor(visitor, chatId);
    return chat.compose(before -> services.router().leaveMessage(visitor, name, email, message).compose(left -> before == null
        ? Future.succeededFuture(left)
        : services.conversations().find(left.conversationId())
            .compose(c -> LeftAfterChat.attach(services.messages(), services.caches().sites(), c, before)).map(left)))
        .map(left -> new JsonObject()
        .put("conversationId", left.conversationId())
        .put("status", ConversationStatus.OFFLINE.wire())
        .put("seq", left.seq())
        .put("masked", left.masked()));
  }

  private FirstMessage firstMessage(JsonObject body) {
    return new FirstMessage(
        services.messageRules().validText(body.getValue("text")),
        services.messageRules().validClientMsgId(body.getValue("clientMsgId")));
  }

  private Future<JsonObject> send(Identity visitor, JsonObject body) {
    FirstMessage m = firstMessage(body);
    return services.access().openOfVisitor(visitor, Inputs.id(body, "conversationId"))
        .compose(c -> services.messages().append(c, ChatMessage.Sender.VISITOR, visitor.id(), c.visitorName(), m.text(), m.clientMsgId()))
        .map(Json::ack);
  }

  /** Typing is relayed, never stored: only an agent holding the chat can see it. */
  private Future<JsonObject> typing(Identity visitor, JsonObject body) {
    boolean typing = Inputs.bool(body, "typing");
    return services.access().ofVisitor(visitor, Inputs.id(body, "conversationId")).map(c -> {
      if (c.status() == ConversationStatus.ACTIVE) {
        services.inboxes().toAgent(c.agentId(), Json.typing(c, "visitor", typing));
      }
      return new JsonObject();
    });
  }

  private Future<JsonObject> close(Identity visitor, JsonObject body) {
    return services.access().ofVisitor(visitor, Inputs.id(body, "conversationId"))
        .compose(c -> services.router().close(c, "visitor"))
        .map(closed -> new JsonObject().put("conversation", Json.conversationForVisitor(closed)));
  }

  private Future<JsonObject> rate(Identity visitor, JsonObject body) {
    int rating = Inputs.intInRange(body, "rating", 1, 5);
    String comment = Inputs.optionalMultiLineText(body, "comment", WrapUpService.MAX_COMMENT);
    return services.access().ofVisitor(visitor, Inputs.id(body, "conversationId"))
        .compose(c -> wrapUps.rate(c, rating, comment))
        .map(v -> new JsonObject().put("rating", rating).put("comment", comment));
  }

  /** The visitor's open (else latest, or the named) conversation with its state and one page of messages. */
  private Future<JsonObject> history(Identity visitor, JsonObject body) {
    long afterSeq = Inputs.optionalLong(body, "afterSeq", 0);
    Future<Conversation> which = body.getValue("conversationId") == null
        ? services.access().currentOfVisitor(visitor)
        : services.access().ofVisitor(visitor, Inputs.id(body, "conversationId"));
    return which.compose(c -> c == null
        ? Future.succeededFuture(new JsonObject().putNull("conversation").put("messages", new JsonArray()))
        : Future.all(services.messages().history(c, afterSeq), services.router().describe(c.id()),
            services.conversations().readMarks().agentReadSeq(c.id())).compose(all -> {
          Messages.Page page = all.resultAt(0);
          return AgentFaces.chatState(services.caches().agents(), all.<ChatState>resultAt(1))
              .map(state -> state.put("messages", Json.messages(page.messages())).put("hasMore", page.hasMore())
                  .put("agentReadSeq", all.<Long>resultAt(2)));
        }));
  }

  /** The language the visitor reads (the widget's); one the transcripts are written in, else the site's first. */
  private static String transcriptLanguage(JsonObject body) {
    String language = Inputs.optionalString(body, "language", 16);
    return language != null && Site.SUPPORTED_LANGUAGES.contains(language) ? language : null;
  }

  private Future<JsonObject> emailTranscript(Identity visitor, JsonObject body) {
    if (!services.transcriptEmails().available()) {
      throw new Failure(501, "email_unavailable", "sending transcripts by e-mail is not set up on this server");
    }
    String email = Inputs.optionalEmail(body, "email");
    if (email == null) {
      throw Failure.badInput("email is required");
    }
    return services.access().ofVisitor(visitor, Inputs.id(body, "conversationId"))
        .compose(c -> services.transcriptEmails().send(c, email, transcriptLanguage(body)))
        .map(v -> new JsonObject().put("sentTo", email));
  }

  private Future<JsonObject> acceptOffer(Identity visitor, JsonObject body) {
    String offerId = Inputs.id(body, "offerId");
    String name = Inputs.optionalString(body, "name", MAX_NAME);
    String email = Inputs.optionalEmail(body, "email");
    return prechatAnswered(visitor, name, email, body).compose(v -> needs(visitor, body))
        .compose(needs -> services.offers().accept(visitor, offerId, name, email, needs))
        .compose(state -> AgentFaces.chatState(services.caches().agents(), state));
  }

  /** Whether anyone of the site is online to chat now, and what its admin says to visitors when nobody is. */
  private Future<JsonObject> availability(Identity visitor, JsonObject body) {
    return Future.all(services.router().anyoneOnline(visitor.siteKey()), services.caches().sites().get(visitor.siteKey()))
        .map(all -> {
          Site site = all.resultAt(1);
          return new JsonObject().put("agentsOnline", all.<Boolean>resultAt(0))
              .put("offlineMessage", site == null ? null : site.offlineMessage());
        });
  }

  private Future<JsonObject> offerSeen(Identity visitor, JsonObject body) {
    return services.offers().seen(visitor, Inputs.id(body, "offerId")).map(v -> new JsonObject());
  }

  private Future<JsonObject> dismissOffer(Identity visitor, JsonObject body) {
    return services.offers().dismiss(visitor, Inputs.id(body, "offerId")).map(v -> new JsonObject());
  }
}
