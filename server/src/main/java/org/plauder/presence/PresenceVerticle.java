package org.plauder.presence;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatRequested;
import org.plauder.event.DomainEvent.OfferAccepted;
import org.plauder.event.DomainEvent.OfferDismissed;
import org.plauder.event.DomainEvent.OfferShown;
import org.plauder.event.DomainEvent.OfferWithdrawn;
import org.plauder.event.DomainEvent.VisitorLeft;
import org.plauder.event.DomainEvent.VisitorSeen;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvents;
import org.plauder.event.Watchers;
import org.plauder.offer.OfferPlanner;
import org.plauder.offer.OfferRule;
import org.plauder.offer.OfferService;
import org.plauder.offer.OfferSettings;
import org.plauder.offer.VisitorView;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Inboxes;
import org.plauder.routing.AssignmentPolicy;
import org.plauder.store.Agents;
import org.plauder.store.Conversations;
import org.plauder.store.Visitors;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.OnlineVisitors;
import org.plauder.visitor.Visitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which visitors are online on this node, and when to offer them help. A visitor is online while
 * one of its sockets is registered here; a page change closes one socket and opens the next
 * within the grace period, so it is not a departure. Each held visitor has at most one timer: the
 * moment its next offer rule is due. When it fires the guards are checked again (someone online
 * with room, not chatting, no open offer, outside the cooldown) before the offer is shown.
 */
public final class PresenceVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(PresenceVerticle.class);
  private static final Duration HEARTBEAT = Duration.ofSeconds(20);
  private static final Duration NO_CAPACITY_RETRY = Duration.ofSeconds(10);

  /** What presence needs from the rest of the node. */
  public record Parts(OnlineVisitors presence, Visitors visitors, Conversations conversations, Agents agents,
      CachedReads<String, OfferSettings> offerSettings, OfferService offers, AssignmentPolicy policy, DomainEvents events, Inboxes inboxes,
      Clock clock, int graceSeconds, Watchers liveVisitorWatchers) {}

  /** A visitor held by this node: its sockets and its two timers. */
  private static final class Held {
    final String siteKey;
    final Set<String> sockets = new HashSet<>();
    final PlanningFacts facts = new PlanningFacts();
    long graceTimer = -1;
    long offerTimer = -1;

    Held(String siteKey) {
      this.siteKey = siteKey;
    }
  }

  private final Parts parts;
  private final OnlineVisitors presence;
  /** Concurrent only so that the metrics may read its size from another thread; changed on this verticle's loop alone. */
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Map<String, String> visitorOfSocket = new HashMap<>();
  private VisitorFeed feed;
  private final SiteRoom room;

  public PresenceVerticle(Parts parts) {
    this.parts = parts;
    this.presence = parts.presence();
    this.room = new SiteRoom(siteKey -> parts.policy().now(siteKey).compose(p -> parts.agents().anyAllowed(siteKey, p.selection())),
        System::nanoTime);
  }

  @Override
  public Future<?> start() {
    Watchers watchers = parts.liveVisitorWatchers();
    feed = new VisitorFeed(vertx, presence, parts.agents(), parts.inboxes(), watchers);
    vertx.eventBus().<JsonObject>localConsumer(Addresses.INTERNAL_VISITOR_SOCKET_OPENED, m -> opened(m.body()));
    vertx.eventBus().<String>localConsumer(Addresses.INTERNAL_VISITOR_SOCKET_CLOSED, m -> closed(m.body()));
    vertx.setPeriodic(HEARTBEAT.toMillis(), id -> heartbeat());
    DomainEvents events = parts.events();
    // Whatever changes a visitor's situation, on whichever node: the node holding it tells the agents and re-plans.
    return Future.all(java.util.List.of(watchers.listen(),
        events.on(ChatRequested.class, parts.offers()::withdrawOnChatStart),
        events.onEveryNode(VisitorSeen.class, e -> changed(e.visitorId())),
        events.onEveryNode(ChatRequested.class, this::chatRequested),
        events.onEveryNode(ChatClosed.class, e -> chatEnded(e.visitorId())),
        events.onEveryNode(OfferShown.class, e -> offerChanged(e.visitorId())),
        events.onEveryNode(OfferAccepted.class, e -> offerChanged(e.visitorId())),
        events.onEveryNode(OfferDismissed.class, e -> offerChanged(e.visitorId())),
        events.onEveryNode(OfferWithdrawn.class, e -> offerChanged(e.visitorId()))));
  }

  /** A node that stops takes the visitors it holds offline at once (on a cluster, before their entries would expire). */
  @Override
  public Future<?> stop() {
    return Future.all(held.keySet().stream().map(presence::remove).toList());
  }

  /** How many visitors have a tab open on this node (or are within their grace period). */
  public int visitorsHeld() {
    return held.size();
  }

  private Instant now() {
    return parts.clock().instant();
  }

  private void opened(JsonObject socket) {
    String visitorId = socket.getString("visitorId");
    String siteKey = socket.getString("siteKey");
    Held h = held.computeIfAbsent(visitorId, id -> new Held(siteKey));
    if (h.graceTimer >= 0) {
      vertx.cancelTimer(h.graceTimer);
      h.graceTimer = -1;
    }
    visitorOfSocket.put(socket.getString("socketId"), visitorId);
    boolean first = h.sockets.isEmpty();
    h.sockets.add(socket.getString("socketId"));
    if (first) {
      h.facts.visitor(() -> parts.visitors().find(visitorId))
          .compose(v -> presence.online(visitorId, siteKey, v != null && v.isReturning(), v == null ? null : v.name(), now()))
          .onSuccess(v -> parts.events().publish(new VisitorSeen(siteKey, visitorId, null)))
          .onFailure(e -> log.warn("presence of {} not recorded: {}", visitorId, e.toString()));
    }
  }

  private void closed(String socketId) {
    String visitorId = visitorOfSocket.remove(socketId);
    Held h = visitorId == null ? null : held.get(visitorId);
    if (h == null) {
      return;
    }
    h.sockets.remove(socketId);
    if (h.sockets.isEmpty() && h.graceTimer < 0) {
      h.graceTimer = vertx.setTimer(parts.graceSeconds() * 1000L, id -> left(visitorId));
    }
  }

  /** The grace period passed without a new socket: the visitor closed its last tab. */
  private void left(String visitorId) {
    Held h = held.get(visitorId);
    if (h == null || !h.sockets.isEmpty()) {
      return;
    }
    held.remove(visitorId);
    if (h.offerTimer >= 0) {
      vertx.cancelTimer(h.offerTimer);
    }
    presence.remove(visitorId).onSuccess(v -> parts.events().publish(new VisitorLeft(h.siteKey, visitorId)));
  }

  /** On a cluster the entries of this node's visitors expire unless refreshed; on one node this does nothing. */
  private void heartbeat() {
    presence.refresh(new ArrayList<>(held.keySet())).onFailure(e -> log.warn("presence refresh failed: {}", e.toString()));
  }

  /** The live-visitors list shows the name a visitor gives when it starts a chat. */
  private void chatRequested(ChatRequested e) {
    if (!e.offline()) {
      learn(e.visitorId(), facts -> facts.knowChatting(true));
    }
    if (held.containsKey(e.visitorId()) && e.visitorName() != null) {
      presence.setName(e.visitorId(), e.visitorName()).onComplete(v -> changed(e.visitorId()));
    } else {
      changed(e.visitorId());
    }
  }

  private void chatEnded(String visitorId) {
    learn(visitorId, facts -> facts.knowChatting(false));
    changed(visitorId);
  }

  private void offerChanged(String visitorId) {
    learn(visitorId, PlanningFacts::forgetVisitor);
    changed(visitorId);
  }

  private void learn(String visitorId, Consumer<PlanningFacts> what) {
    Held h = held.get(visitorId);
    if (h != null) {
      what.accept(h.facts);
    }
  }

  /** Something about the visitor changed: tell the site's agents and plan its next offer. */
  private void changed(String visitorId) {
    Held h = held.get(visitorId);
    if (h == null) {
      return; // another node holds this visitor's sockets and does the planning
    }
    feed.changed(h.siteKey, visitorId);
    plan(visitorId, h);
  }

  private void plan(String visitorId, Held h) {
    if (h.offerTimer >= 0) {
      vertx.cancelTimer(h.offerTimer);
      h.offerTimer = -1;
    }
    viewOf(visitorId, h).onSuccess(ctx -> {
      if (ctx == null || held.get(visitorId) != h) {
        return;
      }
      Duration cooldown = Duration.ofMinutes(ctx.settings().cooldownMinutes());
      OfferPlanner.nextDue(ctx.view(), ctx.settings().rules(), cooldown, now()).ifPresent(due -> {
        long delay = Math.max(1, Duration.between(now(), due.at()).toMillis());
        h.offerTimer = vertx.setTimer(delay, id -> {
          h.offerTimer = -1;
          fire(visitorId, h);
        });
      });
    }).onFailure(e -> log.warn("offer planning for {} failed: {}", visitorId, e.toString()));
  }

  private void fire(String visitorId, Held h) {
    // Only help that can be given is offered. Until someone has room the visitor looks again every
    // few seconds, and nothing of its own is read meanwhile: the site's answer is shared.
    room.anyRoom(h.siteKey).compose(any -> {
      if (!any) {
        if (held.get(visitorId) == h) {
          h.offerTimer = vertx.setTimer(NO_CAPACITY_RETRY.toMillis(), id -> {
            h.offerTimer = -1;
            fire(visitorId, h);
          });
        }
        return Future.succeededFuture();
      }
      // The guards are checked on what the store says now, not on what planning kept.
      h.facts.forgetVisitor();
      h.facts.forgetChatting();
      return viewOf(visitorId, h).compose(ctx -> {
        if (ctx == null) {
          return Future.succeededFuture();
        }
        Instant now = now();
        var due = OfferPlanner.nextDue(ctx.view(), ctx.settings().rules(), Duration.ofMinutes(ctx.settings().cooldownMinutes()), now);
        if (due.isEmpty() || due.get().at().isAfter(now)) {
          plan(visitorId, h); // the situation changed since the timer was set
          return Future.succeededFuture();
        }
        return parts.offers().showRuleOffer(visitorId, h.siteKey, due.get().rule(), ctx.view().language());
      });
    }).onFailure(e -> log.warn("offer for {} failed: {}", visitorId, e.toString()));
  }

  /** Everything the planner needs about the visitor; null when it is gone. */
  private record PlanningContext(VisitorView view, OfferSettings settings) {}

  /**
   * The visitor's planning context, or null when there is nothing to plan: the visitor is gone,
   * has not reported a page yet, or its site has no enabled offer rule. Only then are the visitor
   * and whether it chats asked for (kept in {@link PlanningFacts}; a socket opening or a page view
   * on a site without rules costs no database read).
   */
  private Future<PlanningContext> viewOf(String visitorId, Held h) {
    return Future.all(presence.find(visitorId), parts.offerSettings().get(h.siteKey)).compose(first -> {
      OnlineVisitor p = first.resultAt(0);
      OfferSettings settings = first.resultAt(1);
      if (p == null || p.pageSince() == null || settings == null || settings.rules().stream().noneMatch(OfferRule::enabled)) {
        return Future.succeededFuture();
      }
      return Future.all(h.facts.visitor(() -> parts.visitors().find(visitorId)),
          h.facts.chatting(() -> parts.conversations().findOpenOfVisitor(visitorId).map(open -> open != null))).map(stored -> {
            Visitor v = stored.resultAt(0);
            if (v == null) {
              return null;
            }
            VisitorView view = new VisitorView(p.url(), p.pageSince(), p.onlineSince(), p.pagesSeen(), p.returning(),
                p.language(), stored.<Boolean>resultAt(1), p.openOffer() != null, v.lastOfferAt(), v.offerDismissedAt());
            return new PlanningContext(view, settings);
          });
    });
  }
}
