package org.plauder.offer;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.ChatState;
import org.plauder.event.DomainEvent.ChatRequested;
import org.plauder.event.DomainEvent.OfferAccepted;
import org.plauder.event.DomainEvent.OfferDismissed;
import org.plauder.event.DomainEvent.OfferShown;
import org.plauder.event.DomainEvent.OfferWithdrawn;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;
import org.plauder.routing.ChatRouter;
import org.plauder.store.Agents;
import org.plauder.store.Conversations;
import org.plauder.store.Ids;
import org.plauder.store.OfferStore;
import org.plauder.store.Visitors;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.OnlineVisitors;

/**
 * Proactive offers from the moment one is shown to its end: a rule's offer or an agent's
 * invitation is opened (at most one per visitor at a time), counted as shown once the widget
 * displays it (or it is answered); the visitor accepts it
 * (the chat opens with the offer's text), dismisses it, or starts a chat on its own (the offer is
 * withdrawn). When an offer is due is {@link OfferPlanner}'s business.
 */
public final class OfferService {

  private final OnlineVisitors presence;
  private final Visitors visitors;
  private final OfferStore offers;
  private final Agents agents;
  private final Conversations conversations;
  private final ChatRouter router;
  private final EventSink events;
  private final Clock clock;

  public OfferService(OnlineVisitors presence, Visitors visitors, OfferStore offers, Agents agents, Conversations conversations,
      ChatRouter router, EventSink events, Clock clock) {
    this.presence = presence;
    this.visitors = visitors;
    this.offers = offers;
    this.agents = agents;
    this.conversations = conversations;
    this.router = router;
    this.events = events;
    this.clock = clock;
  }

  /** Shows a rule's offer in the visitor's language unless the visitor has one open; true when shown. */
  public Future<Boolean> showRuleOffer(String visitorId, String siteKey, OfferRule rule, String language) {
    Offer offer = new Offer(Ids.newId(), rule.id(), rule.messageFor(language), null, null);
    Instant now = clock.instant();
    return presence.openOffer(visitorId, offer).compose(opened -> !opened ? Future.succeededFuture(false)
        : visitors.recordOfferShown(visitorId, now)
            .map(v -> {
              events.publish(new OfferShown(siteKey, visitorId, offer));
              return true;
            }));
  }

  /** An agent invites a visitor on its site who is online and not chatting; returns the offer's id. */
  public Future<String> invite(Identity agent, String visitorId, String text) {
    return Future.all(presence.find(visitorId), conversations.findOpenOfVisitor(visitorId), agents.find(agent.id()))
        .compose(all -> {
          OnlineVisitor online = all.resultAt(0);
          if (online == null || !agent.siteKey().equals(online.siteKey())) {
            return Future.failedFuture(Failure.notFound("online visitor"));
          }
          if (all.resultAt(1) != null) {
            return Future.failedFuture(Failure.conflict("visitor_chatting", "this visitor is in a chat already"));
          }
          Agent me = all.resultAt(2);
          Offer offer = new Offer(Ids.newId(), Offer.INVITATION, text, me.shownName(), me.id());
          return presence.openOffer(visitorId, offer).compose(opened -> {
            if (!opened) {
              return Future.failedFuture(Failure.conflict("offer_open", "this visitor has an offer open already"));
            }
            events.publish(new OfferShown(agent.siteKey(), visitorId, offer));
            return Future.succeededFuture(offer.id());
          });
        });
  }

  /**
   * The widget displayed the offer (it holds one back while its panel is open): only now it counts
   * as shown, once per offer. An offer that is no longer open is no error.
   */
  public Future<Void> seen(Identity visitor, String offerId) {
    return presence.find(visitor.id()).compose(online -> {
      Offer offer = online == null ? null : online.openOffer();
      return offer == null || !offer.id().equals(offerId) || !visitor.siteKey().equals(online.siteKey())
          ? Future.succeededFuture()
          : offers.countShownOnce(visitor.siteKey(), offer.ruleId(), offer.id(), clock.instant());
    });
  }

  /** Opens the chat with the offer's text as its first message, routed like any other request. */
  public Future<ChatState> accept(Identity visitor, String offerId, String name, String email, ChatNeeds needs) {
    return presence.takeOffer(visitor.id(), offerId).compose(offer -> {
      if (offer == null) {
        return Future.failedFuture(Failure.conflict("offer_gone", "this offer is no longer open"));
      }
      events.publish(new OfferAccepted(visitor.siteKey(), visitor.id(), offer));
      var opening = new ChatRouter.Opening(offerId, offer.text(),
          offer.isInvitation() ? ChatMessage.Sender.AGENT : ChatMessage.Sender.SYSTEM, offer.agentId(), offer.from());
      // Answered means it was on screen, even when the widget's "seen" has not arrived yet.
      return offers.countShownOnce(visitor.siteKey(), offer.ruleId(), offer.id(), clock.instant())
          .compose(v -> offers.count(visitor.siteKey(), offer.ruleId(), OfferOutcome.ACCEPTED, clock.instant()))
          .compose(v -> router.requestChat(visitor, name, email, needs, null, opening));
    });
  }

  /** The visitor said no; an offer that is no longer open is no error (another tab answered it). */
  public Future<Void> dismiss(Identity visitor, String offerId) {
    Instant now = clock.instant();
    return presence.takeOffer(visitor.id(), offerId).compose(offer -> offer == null
        ? Future.succeededFuture()
        : visitors.recordOfferDismissed(visitor.id(), now)
            .onSuccess(v -> events.publish(new OfferDismissed(visitor.siteKey(), visitor.id(), offer)))
            .compose(v -> offers.countShownOnce(visitor.siteKey(), offer.ruleId(), offer.id(), now))
            .compose(v -> offers.count(visitor.siteKey(), offer.ruleId(), OfferOutcome.DISMISSED, now)));
  }

  /** Listener: a visitor who starts a chat on its own no longer needs the offer it may have open. */
  public void withdrawOnChatStart(ChatRequested request) {
    presence.clearOffer(request.visitorId()).onSuccess(withdrawn -> {
      if (withdrawn != null) {
        events.publish(new OfferWithdrawn(request.siteKey(), request.visitorId(), withdrawn));
      }
    });
  }
}
