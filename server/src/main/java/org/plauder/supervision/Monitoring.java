package org.plauder.supervision;

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
 * Who watches the chats of which site now: an admin's or supervisor's dashboard asks again every
 * half minute while its monitor is open, and a watch not renewed within {@link #WATCH_FOR} ends by
 * itself (a closed tab leaves nothing behind). Ephemeral: every node keeps its own copy, filled by
 * a renewal published to all nodes, so that whichever node emits a chat's event knows the watchers
 * without asking anyone.
 */
public final class Monitoring {

  public static final Duration WATCH_FOR = Duration.ofSeconds(60);
  static final String RENEWALS = "internal.monitoring";

  private final EventBus eventBus;
  private final Clock clock;
  private final Map<String, Map<String, Instant>> watchersBySite = new ConcurrentHashMap<>();

  public Monitoring(EventBus eventBus, Clock clock) {
    this.eventBus = eventBus;
    this.clock = clock;
  }

  /** Takes the renewals of every node; once per node. */
  public Future<Void> listen() {
    return eventBus.<JsonObject>consumer(RENEWALS, m -> renewed(m.body().getString("siteKey"), m.body().getString("agentId"),
        m.body().getBoolean("watching", true))).completion();
  }

  /** This admin or supervisor watches its site's chats for the next {@link #WATCH_FOR} (or stops, with false), on every node. */
  public void watch(String siteKey, String agentId, boolean watching) {
    eventBus.publish(RENEWALS, new JsonObject().put("siteKey", siteKey).put("agentId", agentId).put("watching", watching));
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
