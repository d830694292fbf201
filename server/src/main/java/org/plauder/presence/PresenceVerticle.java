package org.plauder.presence;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.plauder.Services;
import org.plauder.agent.AgentStatus;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Json;
import org.plauder.store.OfferStore;
import org.plauder.store.PresenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which visitors are online on this node, and their proactive offers. A visitor is online while
 * one of its sockets is registered here; a page change closes one socket and opens the next
 * within the grace period, so it is not a departure. Each held visitor has at most one timer: the
 * moment its next offer rule is due. When it fires the guards are checked again (someone online
 * with room, not chatting, no open offer, outside the cooldown) before the offer is pushed.
 */
public final class PresenceVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(PresenceVerticle.class);
  private static final Duration HEARTBEAT = Duration.ofSeconds(20);
  private static final Duration STALE = Duration.ofSeconds(60);
  private static final Duration NO_CAPACITY_RETRY = Duration.ofSeconds(10);

  /** A visitor held by this node: its sockets and its two timers. */
  private static final class Held {
    final String siteKey;
    final Set<String> sockets = new HashSet<>();
    long graceTimer = -1;
    long offerTimer = -1;

    Held(String siteKey) {
      this.siteKey = siteKey;
    }
  }

  private final Services services;
  private final PresenceStore presence;
  private final OfferStore offers;
  private final Map<String, Held> held = new HashMap<>();
  private final Map<String, String> visitorOfSocket = new HashMap<>();

  public PresenceVerticle(Services services) {
    this.services = services;
    this.presence = services.presence();
    this.offers = services.offers();
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>localConsumer(Addresses.INTERNAL_VISITOR_SOCKET_OPENED, m -> opened(m.body()));
    vertx.eventBus().<String>localConsumer(Addresses.INTERNAL_VISITOR_SOCKET_CLOSED, m -> closed(m.body()));
    vertx.eventBus().<JsonObject>consumer(Addresses.INTERNAL_PRESENCE_CHANGED, m -> changed(m.body().getString("visitorId")));
    vertx.setPeriodic(HEARTBEAT.toMillis(), id -> heartbeat());
    return Future.succeededFuture();
  }

  private Instant now() {
    return services.clock().instant();
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
      services.visitors().find(visitorId)
          .compose(v -> presence.online(visitorId, siteKey, v != null && v.getInteger("visits", 1) > 1,
              v == null ? null : v.getString("name"), now()))
          .onSuccess(v -> changed(visitorId))
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
      h.graceTimer = vertx.setTimer(services.config().presenceGraceSeconds() * 1000L, id -> left(visitorId));
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
    presence.remove(visitorId).onSuccess(v -> toAgentsOf(h.siteKey, Json.push("visitorLeft").put("visitorId", visitorId)));
  }

  private void heartbeat() {
    Instant now = now();
    presence.heartbeat(new ArrayList<>(held.keySet()), now)
        .compose(v -> presence.sweep(now.minus(STALE)))
        .onFailure(e -> log.warn("presence heartbeat failed: {}", e.toString()));
  }

  /** Something about the visitor changed: tell the site's agents and plan its next offer. */
  private void changed(String visitorId) {
    Held h = held.get(visitorId);
    if (h == null) {
      return; // another node holds this visitor's sockets and does the planning
    }
    presence.find(visitorId).onSuccess(p -> {
      if (p != null) {
        toAgentsOf(h.siteKey, Json.push("visitor").put("visitor", Json.presence(p)));
      }
    });
    plan(visitorId, h);
  }

  private void plan(String visitorId, Held h) {
    if (h.offerTimer >= 0) {
      vertx.cancelTimer(h.offerTimer);
      h.offerTimer = -1;
    }
    viewOf(visitorId, h.siteKey).onSuccess(ctx -> {
      if (ctx == null || held.get(visitorId) != h) {
        return;
      }
      Duration cooldown = Duration.ofMinutes(ctx.settings().cooldownMinutes());
      OfferPlanner.nextDue(ctx.view(), ctx.settings().rules(), cooldown, now()).ifPresent(due -> {
        long delay = Math.max(1, Duration.between(now(), due.at()).toMillis());
        h.offerTimer = vertx.setTimer(delay, id -> {
          h.offerTimer = -1;
          fire(visitorId, h, due.rule().id());
        });
      });
    }).onFailure(e -> log.warn("offer planning for {} failed: {}", visitorId, e.toString()));
  }

  private void fire(String visitorId, Held h, String ruleId) {
    Instant now = now();
    viewOf(visitorId, h.siteKey).compose(ctx -> {
      if (ctx == null) {
        return Future.succeededFuture();
      }
      Duration cooldown = Duration.ofMinutes(ctx.settings().cooldownMinutes());
      var due = OfferPlanner.nextDue(ctx.view(), ctx.settings().rules(), cooldown, now);
      if (due.isEmpty() || due.get().at().isAfter(now)) {
        plan(visitorId, h); // the situation changed since the timer was set
        return Future.succeededFuture();
      }
      OfferRule rule = due.get().rule();
      return services.agents().anyFreeSlot(h.siteKey).compose(room -> {
        if (!room) {
          // Only offer help that can be given: look again shortly while the visitor stays.
          h.offerTimer = vertx.setTimer(NO_CAPACITY_RETRY.toMillis(), id -> {
            h.offerTimer = -1;
            fire(visitorId, h, ruleId);
          });
          return Future.succeededFuture();
        }
        String text = rule.messageFor(ctx.view().language());
        Document offer = new Document("id", new ObjectId().toHexString()).append("ruleId", rule.id())
            .append("text", text).append("from", null).append("agentId", null);
        return presence.openOffer(visitorId, offer).compose(opened -> !opened ? Future.succeededFuture()
            : services.visitors().recordOfferShown(visitorId, now)
                .compose(v -> offers.count(h.siteKey, rule.id(), OfferStore.Outcome.SHOWN, now))
                .onSuccess(v -> services.inboxes().toVisitor(visitorId, Json.push("offer").put("offer", Json.offer(offer)))));
      });
    }).onFailure(e -> log.warn("offer for {} failed: {}", visitorId, e.toString()));
  }

  /** Everything the planner needs about the visitor, read fresh from the store; null when it is gone. */
  private record PlanningContext(VisitorView view, OfferStore.OfferSettings settings) {}

  private Future<PlanningContext> viewOf(String visitorId, String siteKey) {
    return Future.all(presence.find(visitorId), services.visitors().find(visitorId),
            services.conversations().findOpenOfVisitor(visitorId), offers.settings(siteKey))
        .map(all -> {
          Document p = all.resultAt(0);
          Document v = all.resultAt(1);
          if (p == null || v == null || p.getDate("pageSince") == null) {
            return null;
          }
          VisitorView view = new VisitorView(
              p.getString("url"),
              p.getDate("pageSince").toInstant(),
              p.getDate("onlineSince").toInstant(),
              p.getInteger("pagesSeen", 0),
              p.getBoolean("returning", false),
              p.getString("language"),
              all.resultAt(2) != null,
              p.get("openOffer") != null,
              v.getDate("lastOfferAt") == null ? null : v.getDate("lastOfferAt").toInstant(),
              v.getDate("offerDismissedAt") == null ? null : v.getDate("offerDismissedAt").toInstant());
          return new PlanningContext(view, all.resultAt(3));
        });
  }

  private void toAgentsOf(String siteKey, JsonObject frame) {
    services.agents().ofSite(siteKey).onSuccess(agents -> agents.stream()
        .filter(a -> a.status() != AgentStatus.OFFLINE && !a.disabled())
        .forEach(a -> services.inboxes().toAgent(a.id(), frame)));
  }
}
