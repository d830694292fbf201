package org.plauder.presence;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plauder.agent.Agent;
import org.plauder.agent.ConnectedAgents;
import org.plauder.event.CachedReads;
import org.plauder.protocol.Addresses;
import org.plauder.routing.ChatRouter;
import org.plauder.site.Site;
import org.plauder.store.Agents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents online from their sockets. The bridge counts an agent's dashboard sockets in
 * {@link ConnectedAgents} (routing skips an agent without one at once); this verticle drains the
 * queue when an agent connects, keeps this node's entries alive on a cluster, and once a second
 * compares the agents who chose online with the sockets of the whole cluster ({@link AbsentAgents}).
 * An agent without a socket for its site's {@link Site#agentGraceSeconds} is set away and its chats
 * go to colleagues ({@link ChatRouter#agentLost}); on several nodes each looks, and one acts. A
 * connected agent who did nothing itself for its site's {@link Site#agentAutoAwayMinutes} is set
 * away ({@link IdleAgents}, {@link ChatRouter#setIdleAway}); its chats stay.
 */
public final class AgentPresence extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(AgentPresence.class);
  private static final long LOOK_MILLIS = 1000;

  private final ConnectedAgents connections;
  private final Agents agents;
  private final ChatRouter router;
  private final CachedReads<String, Site> sites;
  private final Clock clock;
  private final AbsentAgents absent = new AbsentAgents();
  private boolean looking;

  public AgentPresence(ConnectedAgents connections, Agents agents, ChatRouter router, CachedReads<String, Site> sites, Clock clock) {
    this.connections = connections;
    this.agents = agents;
    this.router = router;
    this.sites = sites;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>localConsumer(Addresses.INTERNAL_AGENT_CONNECTED, m -> connected(m.body()));
    vertx.eventBus().<JsonObject>localConsumer(Addresses.INTERNAL_AGENT_DISCONNECTED,
        m -> absent.lost(m.body().getString("agentId"), m.body().getString("siteKey"), clock.instant()));
    vertx.setPeriodic(LOOK_MILLIS, id -> look());
    vertx.setPeriodic(ConnectedAgents.REFRESH.toMillis(),
        id -> connections.refresh().onFailure(e -> log.warn("agent presence refresh failed: {}", e.toString())));
    return Future.succeededFuture();
  }

  /** A stopping node's agents count as gone at once; another node's look takes it from there. */
  @Override
  public Future<?> stop() {
    return connections.leaveAll();
  }

  /** An agent who chose online and comes back (or after a restart, for the first time) gets waiting chats at once. */
  private void connected(JsonObject agent) {
    absent.back(agent.getString("agentId"));
    router.assignQueued(agent.getString("siteKey"))
        .onFailure(e -> log.warn("queue of {} not drained: {}", agent.getString("siteKey"), e.toString()));
  }

  private void look() {
    if (looking) {
      return;
    }
    looking = true;
    Future.all(agents.onlineAnywhere(), connections.all(), connections.lastActive()).compose(all -> {
      List<Agent> online = all.resultAt(0);
      Set<String> connected = all.<Map<String, String>>resultAt(1).keySet();
      Map<String, Instant> lastActive = all.resultAt(2);
      Map<String, String> siteOf = new HashMap<>();
      online.forEach(a -> siteOf.put(a.id(), a.siteKey()));
      return sitesOf(siteOf.values()).map(sites -> {
        Instant now = clock.instant();
        for (AbsentAgents.Due d : absent.look(siteOf, connected, key -> graceOf(sites.get(key)), now)) {
          router.agentLost(d.agentId()).onFailure(e -> log.warn("chats of agent {} not handed over: {}", d.agentId(), e.toString()));
        }
        Map<String, String> here = new HashMap<>(siteOf);
        here.keySet().retainAll(connected);
        for (String idle : IdleAgents.due(here, lastActive, key -> autoAwayOf(sites.get(key)), now)) {
          router.setIdleAway(idle).onFailure(e -> log.warn("agent {} not set away: {}", idle, e.toString()));
        }
        return null;
      });
    }).onFailure(e -> log.warn("looking at agents online failed: {}", e.toString()))
        .onComplete(done -> looking = false);
  }

  private static Duration graceOf(Site site) {
    return Duration.ofSeconds(site == null ? Site.DEFAULT_AGENT_GRACE_SECONDS : site.agentGraceSeconds());
  }

  private static Duration autoAwayOf(Site site) {
    return Duration.ofMinutes(site == null ? 0 : site.agentAutoAwayMinutes());
  }

  /** The sites of these keys, from the node's cache. */
  private Future<Map<String, Site>> sitesOf(java.util.Collection<String> siteKeys) {
    List<String> keys = siteKeys.stream().distinct().toList();
    return Future.all(keys.stream().map(sites::get).toList()).map(all -> {
      Map<String, Site> found = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        found.put(keys.get(i), all.resultAt(i));
      }
      return found;
    });
  }
}
