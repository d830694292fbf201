package org.plauder.presence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.plauder.agent.AgentStatus;
import org.plauder.event.Watchers;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.plauder.store.Agents;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.OnlineVisitors;

/**
 * The live-visitors feed of a site's agents: the visitors whose situation changed are collected for
 * a moment and pushed as one {@code visitors} frame. Agents who watch the live-visitors list get the
 * changes of the last quarter second; the others — who need the count on the tab and whether their
 * chats' visitors are still on the site — those of the last few seconds, each visitor once however
 * often it changed. Every change to every agent four times a second was half of what a busy site's
 * server encoded and its dashboards parsed. Used from the presence verticle's event loop only.
 */
final class VisitorFeed {

  /** How long changes are collected for agents who watch the list: short enough that it looks live. */
  static final long WATCHED_MILLIS = 250;
  /** How long for the other agents: the count and the presence beside a chat may lag a little. */
  static final long UNWATCHED_MILLIS = 5000;
  /** The most visitors one frame carries (a crowd arriving at once goes out in several). */
  static final int PER_FRAME = 100;

  private final Vertx vertx;
  private final OnlineVisitors presence;
  private final Agents agents;
  private final Inboxes inboxes;
  private final Watchers watchers;
  /** Per site, the visitors changed since its last frame to the watchers, in the order they changed. */
  private final Map<String, Set<String>> forWatchers = new HashMap<>();
  /** The same since the last frame to everyone else. */
  private final Map<String, Set<String>> forOthers = new HashMap<>();

  VisitorFeed(Vertx vertx, OnlineVisitors presence, Agents agents, Inboxes inboxes, Watchers watchers) {
    this.vertx = vertx;
    this.presence = presence;
    this.agents = agents;
    this.inboxes = inboxes;
    this.watchers = watchers;
  }

  /** The visitor's presence changed: its agents see it with the site's next frames. */
  void changed(String siteKey, String visitorId) {
    collect(forWatchers, WATCHED_MILLIS, siteKey, visitorId, this::sendToWatchers);
    collect(forOthers, UNWATCHED_MILLIS, siteKey, visitorId, this::sendToOthers);
  }

  private void collect(Map<String, Set<String>> pending, long millis, String siteKey, String visitorId, Consumer<String> send) {
    Set<String> visitors = pending.get(siteKey);
    if (visitors == null) {
      visitors = new LinkedHashSet<>();
      pending.put(siteKey, visitors);
      vertx.setTimer(millis, id -> send.accept(siteKey));
    }
    visitors.add(visitorId);
  }

  private void sendToWatchers(String siteKey) {
    Set<String> changed = forWatchers.remove(siteKey);
    List<String> watching = watchers.watchers(siteKey);
    if (!watching.isEmpty()) {
      framesOf(changed).onSuccess(frames -> watching.forEach(agentId -> frames.forEach(frame -> inboxes.toAgent(agentId, frame))));
    }
  }

  private void sendToOthers(String siteKey) {
    Set<String> changed = forOthers.remove(siteKey);
    Set<String> watching = new HashSet<>(watchers.watchers(siteKey));
    framesOf(changed).onSuccess(frames -> {
      if (!frames.isEmpty()) {
        agents.ofSite(siteKey).onSuccess(all -> all.stream()
            .filter(a -> a.status() != AgentStatus.OFFLINE && !a.disabled() && !watching.contains(a.id()))
            .forEach(a -> frames.forEach(frame -> inboxes.toAgent(a.id(), frame))));
      }
    });
  }

  /** Frames with each changed visitor as it is now; a visitor gone meanwhile is left out (its {@code visitorLeft} says so). */
  private Future<List<JsonObject>> framesOf(Set<String> changed) {
    List<Future<OnlineVisitor>> reads = changed.stream().map(presence::find).toList();
    return Future.join(reads).otherwiseEmpty().map(done -> {
      List<JsonObject> frames = new ArrayList<>();
      JsonArray visitors = null;
      for (OnlineVisitor p : reads.stream().filter(Future::succeeded).map(Future::result).filter(Objects::nonNull).toList()) {
        if (visitors == null || visitors.size() == PER_FRAME) {
          visitors = new JsonArray();
          frames.add(Json.push("visitors").put("visitors", visitors));
        }
        visitors.add(Json.presence(p));
      }
      return frames;
    });
  }
}
