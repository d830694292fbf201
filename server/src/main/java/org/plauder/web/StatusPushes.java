package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.plauder.Services;
import org.plauder.conversation.ParkedStore;
import org.plauder.event.DomainEvent.ConversationStatusChanged;
import org.plauder.protocol.Json;
import org.plauder.routing.WakeUps;
import org.plauder.store.ConversationStatuses;

/**
 * Tells the agent's tabs that an e-mail conversation's work status changed ({@code workStatus}
 * push): parked, opened again by the agent, or woken by the customer or a snooze's end — then
 * also when it went to the queue because the agent had no room (it leaves the agent's list).
 * Deploys beside it the node's {@link WakeUps}, which wake parked conversations.
 */
public final class StatusPushes extends VerticleBase {

  private final Services services;

  public StatusPushes(Services services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    ConversationStatuses parked = new ConversationStatuses(services.database());
    WakeUps wakeUps = new WakeUps(services.events(), StatusActions.parkedChats(services, parked), parked, services.conversations(),
        services.caches().conversations(), services.clock());
    return services.events().on(ConversationStatusChanged.class, this::changed).compose(v -> vertx.deployVerticle(wakeUps));
  }

  private void changed(ConversationStatusChanged e) {
    if (e.agentId() == null) {
      return;
    }
    services.inboxes().toAgent(e.agentId(), Json.push("workStatus")
        .put("conversation", StatusActions.conversation(new ParkedStore.Parked(e.conversation(), e.snoozedUntil())))
        .put("from", e.from().wire())
        .put("reason", switch (e.reason()) {
          case BY_AGENT -> "agent";
          case CUSTOMER_WROTE -> "customerWrote";
          case SNOOZE_ENDED -> "snoozeEnded";
        }));
  }
}
