package org.plauder.event;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agents of a site look at something now — a supervisor's monitor, an agent's live-visitors
 * list: the dashboard asks again every half minute while the view is open, and a watch not renewed
 * within {@link #WATCH_FOR} ends by itself (a closed tab leaves nothing behind). Ephemeral: every
 * node that listens keeps its own copy, filled by renewals published to all nodes on one address
 * per kind of watch, so that whichever node has something to tell knows the watchers without asking.
 */
public final class Watchers {

  public static final Duration WATCH_FOR = Duration.ofSeconds(60);

  private final EventBus eventBus;
  private final Clock clock;
  private final String renewals;
  private final Map<String, Map<String, Instant>> watchersBySite = new ConcurrentHashMap<>();

  /** Watches renewed on the event-bus address {@code renewals}. */
  public Watchers(EventBus eventBus, Clock clock, String renewals) {
    this.eventBus = eventBus;
    this.clock = clock;
    this.renewals = renewals;
  }

  /** Takes the renewals of every node; once per node, by the one that asks {@link #watchers}. */
  public Future<Void> listen() {
    return eventBus.<JsonObject>consumer(renewals, m -> renewed(m.body().getString("siteKey"), m.body().getString("agentId"),
        m.body().getBoolean("watching", true))).completion();
  }

  /** This agent watches for the next {@link #WATCH_FOR} (or stops, with false), on every node. */
  public void watch(String siteKey, String agentId, boolean watching) {
    eventBus.publish(renewals, new JsonObject().put("siteKey", siteKey).put("agentId", agentId).put("watching", watching));
  }

  private void renewed(String siteKey, String agentId, boolean watching) {
    Map<String, Instant> watchers = watchersBySite.computeIfAbsent(siteKey, k -> new ConcurrentHashMap<>());
    if (watching) {
      watchers.put(agentId, clock.instant().plus(WATCH_FOR));
    } else {
      watchers.remove(agentId);
    }
  }

  /** The site's watchers now; expired watches are dropped on the way. */
  public List<String> watchers(String siteKey) {
    Map<String, Instant> watchers = watchersBySite.get(siteKey);
    if (watchers == null) {
      return List.of();
    }
    Instant now = clock.instant();
    watchers.values().removeIf(until -> !until.isAfter(now));
    return List.copyOf(watchers.keySet());
  }
}
