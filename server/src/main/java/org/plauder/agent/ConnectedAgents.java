package org.plauder.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import org.plauder.event.SharedMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents with a dashboard socket open: ephemeral, so never in the database. This node's own
 * sockets are counted in memory the moment the bridge sees them (so an agent's next action
 * already finds it connected); what the cluster needs is one entry per agent and node in a
 * Vert.x shared map — this node's memory on one node, the cluster manager's map on several. On
 * a cluster an entry lives {@link #CLUSTER_TTL} unless the node holding the sockets refreshes
 * it ({@link #refresh}), so the agents of a node that dies count as gone within that time.
 */
public final class ConnectedAgents implements AgentConnections {

  static final Duration CLUSTER_TTL = Duration.ofSeconds(30);
  /** An agent's last action is written to the cluster at most this often (the node that took it knows it exactly). */
  static final Duration SHARE_ACTIVITY = Duration.ofSeconds(30);
  /** How often a node should {@link #refresh} its entries on a cluster. */
  public static final Duration REFRESH = Duration.ofSeconds(10);

  private record Held(String siteKey, Set<String> sockets) {}

  private final SharedMap<String, String> map;
  private final boolean clustered;
  private final String nodeId = UUID.randomUUID().toString();
  private final Map<String, Held> here = new ConcurrentHashMap<>();
  private final SharedMap<String, Long> activity;
  private final Map<String, Instant> activeHere = new ConcurrentHashMap<>();
  private final Map<String, Instant> activityShared = new ConcurrentHashMap<>();
  private final Clock clock;

  public ConnectedAgents(Vertx vertx, Clock clock) {
    this.map = SharedMap.of(vertx, "plauder.connectedAgents");
    this.activity = SharedMap.of(vertx, "plauder.agentActivity");
    this.clustered = vertx.isClustered();
    this.clock = clock;
  }

  /** The agent did something itself (opened its dashboard, wrote, changed its status, …): for auto-away. */
  public void active(String agentId) {
    Instant now = clock.instant();
    activeHere.put(agentId, now);
    Instant shared = activityShared.get(agentId);
    if (shared == null || !now.isBefore(shared.plus(SHARE_ACTIVITY))) {
      activityShared.put(agentId, now);
      activity.use(m -> m.put(agentId, now.toEpochMilli()));
    }
  }

  /** When each agent last did something itself, as far as the cluster knows (actions on other nodes to within {@link #SHARE_ACTIVITY}). */
  public Future<Map<String, Instant>> lastActive() {
    return activity.use(AsyncMap::entries).map(shared -> {
      Map<String, Instant> last = new java.util.HashMap<>();
      shared.forEach((agentId, millis) -> last.put(agentId, Instant.ofEpochMilli(millis)));
      activeHere.forEach((agentId, at) -> last.merge(agentId, at, (a, b) -> a.isAfter(b) ? a : b));
      return last;
    });
  }

  /** A dashboard socket of the agent registered on this node; true when it is the agent's first here. */
  public synchronized boolean socketOpened(String agentId, String siteKey, String socketId) {
    Held held = here.computeIfAbsent(agentId, id -> new Held(siteKey, new HashSet<>()));
    boolean first = held.sockets().isEmpty();
    active(agentId);
    held.sockets().add(socketId);
    if (first) {
      map.use(m -> clustered ? m.put(keyOf(agentId), siteKey, CLUSTER_TTL.toMillis()) : m.put(keyOf(agentId), siteKey));
    }
    return first;
  }

  /** A dashboard socket of the agent closed on this node; true when it was the agent's last here. */
  public synchronized boolean socketClosed(String agentId, String socketId) {
    Held held = here.get(agentId);
    if (held == null || !held.sockets().remove(socketId) || !held.sockets().isEmpty()) {
      return false;
    }
    here.remove(agentId);
    map.use(m -> m.remove(keyOf(agentId)));
    return true;
  }

  /** Whether the agent has a socket open on this node. */
  public boolean isHere(String agentId) {
    return here.containsKey(agentId);
  }

  @Override
  public Future<Set<String>> connectedOf(String siteKey) {
    return all().map(all -> {
      Set<String> ids = new HashSet<>();
      all.forEach((agentId, site) -> {
        if (site.equals(siteKey)) {
          ids.add(agentId);
        }
      });
      return ids;
    });
  }

  /** Every connected agent of every site, with its site. */
  public Future<Map<String, String>> all() {
    return map.use(AsyncMap::entries).map(entries -> {
      Map<String, String> all = new java.util.HashMap<>();
      entries.forEach((key, site) -> all.put(key.substring(0, key.indexOf('@')), site));
      here.forEach((agentId, held) -> all.put(agentId, held.siteKey()));
      return all;
    });
  }

  /** On a cluster: keeps this node's entries alive for another {@link #CLUSTER_TTL}; on one node nothing expires. */
  public Future<Void> refresh() {
    if (!clustered) {
      return Future.succeededFuture();
    }
    List<Future<Void>> puts = new ArrayList<>();
    here.forEach((agentId, held) -> puts.add(map.use(m -> m.put(keyOf(agentId), held.siteKey(), CLUSTER_TTL.toMillis()))));
    return Future.all(puts).mapEmpty();
  }

  /** A stopping node: its agents count as gone at once, not only when their entries expire. */
  public Future<Void> leaveAll() {
    List<String> agentIds = new ArrayList<>(here.keySet());
    here.clear();
    return map.use(m -> Future.all(agentIds.stream().map(id -> m.remove(keyOf(id))).toList())).mapEmpty();
  }

  private String keyOf(String agentId) {
    return agentId + "@" + nodeId;
  }
}
