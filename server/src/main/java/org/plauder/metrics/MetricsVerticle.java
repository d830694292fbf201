package org.plauder.metrics;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.plauder.agent.Agent;
import org.plauder.agent.ConnectedAgents;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvents;
import org.plauder.store.Agents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link ChatMetrics} from the domain events, and counts the agents online per site — chose
 * online in the database and with a dashboard open on some node ({@link ConnectedAgents}), as
 * routing counts them — when it starts, whenever an agent's status changes, and every
 * {@link #AGENT_RECOUNT} (a dashboard opening or closing is no domain event, and a node that starts
 * late has heard no event of the agents already online). Deployed only when metrics are on.
 */
public final class MetricsVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MetricsVerticle.class);
  static final Duration AGENT_RECOUNT = Duration.ofSeconds(5);

  private final ChatMetrics chats;
  private final DomainEvents events;
  private final Agents agents;
  private final ConnectedAgents connections;
  private boolean counting;
  private boolean countAgain;
  private long timer = -1;

  public MetricsVerticle(NodeMetrics metrics, DomainEvents events, Agents agents, ConnectedAgents connections,
      IntSupplier visitorsHeld, Clock clock) {
    this.chats = new ChatMetrics(metrics.registry(), clock);
    this.events = events;
    this.agents = agents;
    this.connections = connections;
    chats.visitorsOnline(visitorsHeld);
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(AGENT_RECOUNT.toMillis(), id -> recountAgents());
    recountAgents();
    return Future.all(List.of(
        events.on(MessageAppended.class, chats::messageAppended),
        events.on(ChatAssigned.class, chats::chatAssigned),
        // Every node keeps each site's latest queue, whichever node announced it, so all nodes report the same.
        events.onEveryNode(QueueChanged.class, chats::queueChanged),
        events.onEveryNode(AgentStatusChanged.class, e -> recountAgents())));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** Agents who chose online and are connected, counted per site. */
  static Map<String, Long> countBySite(List<Agent> online, Set<String> connected) {
    return online.stream().filter(a -> connected.contains(a.id()))
        .collect(Collectors.groupingBy(Agent::siteKey, Collectors.counting()));
  }

  /** One count at a time; changes during a count are taken in by one more count after it. */
  private void recountAgents() {
    if (counting) {
      countAgain = true;
      return;
    }
    counting = true;
    Future.all(agents.onlineAnywhere(), connections.all())
        .map(both -> countBySite(both.resultAt(0), both.<Map<String, String>>resultAt(1).keySet()))
        .onSuccess(chats::agentsOnline)
        .onFailure(e -> log.warn("counting agents online failed: {}", e.toString()))
        .onComplete(done -> {
          counting = false;
          if (countAgain) {
            countAgain = false;
            recountAgents();
          }
        });
  }
}
