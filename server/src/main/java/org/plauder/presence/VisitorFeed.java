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
import java.util.function.Function;
import org.plauder.agent.AgentStatus;
import org.plauder.event.Watchers;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.plauder.store.Agents;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.OnlineVisitors;

/**
 * The live-visitors feed of a site's agents: the visitors whose situation changed are collected for
 * a moment and pushed together. Agents who watch the live-visitors list get each changed visitor as
 * it is now ({@code visitors}) every quarter second; the others, who need only the count on the tab
 * and whether their chats' visitors are on the site, get the ids of the changed visitors online
 * ({@code visitorsOnline}) every five seconds. Every change in full to every agent four times a
 * second was half of what a busy site's server encoded and its dashboards parsed. Used from the
 * presence verticle's event loop only.
 */
final class VisitorFeed {

  /** How long changes are collected for agents who watch the list: short enough that it looks live. */
  static final long WATCHED_MILLIS = 250;
  /** How long for the other agents: the count and the presence beside a chat may lag a little. */
  static final long UNWATCHED_MILLIS = 5000;
  /** The most visitors one frame carries (a crowd arriving at once goes out in several). */
  static final int PER_FRAME = 100;
  /** The most visitor ids one {@code visitorsOnline} frame carries. */
  static final int IDS_PER_FRAME = 1000;

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
      stillOnline(changed).map(online -> frames(online, "visitors", "visitors", PER_FRAME, Json::presence))
          .onSuccess(frames -> watching.forEach(agentId -> frames.forEach(frame -> inboxes.toAgent(agentId, frame))));
    }
  }

  /** The others learn only which visitors are online and changed: enough for the count and the presence beside a chat. */
  private void sendToOthers(String siteKey) {
    Set<String> changed = forOthers.remove(siteKey);
    Set<String> watching = new HashSet<>(watchers.watchers(siteKey));
    stillOnline(changed).map(online -> frames(online, "visitorsOnline", "visitorIds", IDS_PER_FRAME, OnlineVisitor::id)).onSuccess(frames -> {
      if (!frames.isEmpty()) {
        agents.ofSite(siteKey).onSuccess(all -> all.stream()
            .filter(a -> a.status() != AgentStatus.OFFLINE && !a.disabled() && !watching.contains(a.id()))
            .forEach(a -> frames.forEach(frame -> inboxes.toAgent(a.id(), frame))));
      }
    });
  }

  /** The changed visitors as they are now; a visitor gone meanwhile is left out (its {@code visitorLeft} says so). */
  private Future<List<OnlineVisitor>> stillOnline(Set<String> changed) {
    List<Future<OnlineVisitor>> reads = changed.stream().map(presence::find).toList();
    return Future.join(reads).otherwiseEmpty()
        .map(done -> reads.stream().filter(Future::succeeded).map(Future::result).filter(Objects::nonNull).toList());
  }

  /** Pushes of {@code type} with one entry per visitor in their array {@code field}, at most {@code perFrame} a push. */
  private static List<JsonObject> frames(List<OnlineVisitor> online, String type, String field, int perFrame,
      Function<OnlineVisitor, Object> entry) {
    List<JsonObject> frames = new ArrayList<>();
    JsonArray entries = null;
    for (OnlineVisitor p : online) {
      if (entries == null || entries.size() == perFrame) {
        entries = new JsonArray();
        frames.add(Json.push(type).put(field, entries));
      }
      entries.add(entry.apply(p));
    }
    return frames;
  }
}
