package org.plauder.metrics;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvents;
import org.plauder.store.Agents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link ChatMetrics} from the domain events, and counts the agents online per site when it
 * starts, whenever an agent's status changes, and every 30 s (the database is the truth, and a
 * node that starts late has heard no event of the agents already online). Deployed only when
 * metrics are on.
 */
public final class MetricsVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MetricsVerticle.class);
  private static final Duration AGENT_RECOUNT = Duration.ofSeconds(30);

  private final ChatMetrics chats;
  private final DomainEvents events;
  private final Agents agents;
  private boolean counting;
  private boolean countAgain;
  private long timer = -1;

  public MetricsVerticle(NodeMetrics metrics, DomainEvents events, Agents agents, IntSupplier visitorsHeld, Clock clock) {
    this.chats = new ChatMetrics(metrics.registry(), clock);
    this.events = events;
    this.agents = agents;
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

  /** One count at a time; changes during a count are taken in by one more count after it. */
  private void recountAgents() {
    if (counting) {
      countAgain = true;
      return;
    }
    counting = true;
    agents.countOnlineBySite()
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
