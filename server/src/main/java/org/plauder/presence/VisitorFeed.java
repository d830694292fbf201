package org.plauder.presence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.plauder.agent.AgentStatus;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.plauder.store.Agents;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.OnlineVisitors;

/**
 * The live-visitors feed of a site's agents: the visitors whose situation changed are collected for
 * a moment and pushed as one {@code visitors} frame, so that a busy site's page views cost each
 * agent a few frames a second (and one read of the site's agents per frame), not one per view.
 * Used from the presence verticle's event loop only.
 */
final class VisitorFeed {

  /** How long changes are collected before they go out: short enough that the list looks live. */
  static final long COLLECT_MILLIS = 250;
  /** The most visitors one frame carries (a crowd arriving at once goes out in several). */
  static final int PER_FRAME = 100;

  private final Vertx vertx;
  private final OnlineVisitors presence;
  private final Agents agents;
  private final Inboxes inboxes;
  /** Per site, the visitors changed since its last frame, in the order they changed. */
  private final Map<String, Set<String>> pending = new HashMap<>();

  VisitorFeed(Vertx vertx, OnlineVisitors presence, Agents agents, Inboxes inboxes) {
    this.vertx = vertx;
    this.presence = presence;
    this.agents = agents;
    this.inboxes = inboxes;
  }

  /** The visitor's presence changed: its agents see it with the site's next frame. */
  void changed(String siteKey, String visitorId) {
    Set<String> visitors = pending.get(siteKey);
    if (visitors == null) {
      visitors = new LinkedHashSet<>();
      pending.put(siteKey, visitors);
      vertx.setTimer(COLLECT_MILLIS, id -> send(siteKey));
    }
    visitors.add(visitorId);
  }

  /** One frame with each changed visitor as it is now; a visitor gone meanwhile is left out (its {@code visitorLeft} says so). */
  private void send(String siteKey) {
    List<Future<OnlineVisitor>> reads = pending.remove(siteKey).stream().map(presence::find).toList();
    Future.join(reads).onComplete(done -> {
      List<JsonObject> frames = new ArrayList<>();
      JsonArray visitors = null;
      for (OnlineVisitor p : reads.stream().filter(Future::succeeded).map(Future::result).filter(Objects::nonNull).toList()) {
        if (visitors == null || visitors.size() == PER_FRAME) {
          visitors = new JsonArray();
          frames.add(Json.push("visitors").put("visitors", visitors));
        }
        visitors.add(Json.presence(p));
      }
      if (frames.isEmpty()) {
        return;
      }
      agents.ofSite(siteKey).onSuccess(all -> all.stream()
          .filter(a -> a.status() != AgentStatus.OFFLINE && !a.disabled())
          .forEach(a -> frames.forEach(frame -> inboxes.toAgent(a.id(), frame))));
    });
  }
}
