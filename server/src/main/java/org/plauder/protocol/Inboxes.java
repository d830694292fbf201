package org.plauder.protocol;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Pushes frames to the browsers of one visitor or one agent. Published, so every open tab of
 * that person gets it; with a clustered event bus, on every node.
 */
public final class Inboxes {

  private final EventBus eventBus;

  public Inboxes(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  public void toVisitor(String visitorId, JsonObject frame) {
    eventBus.publish(Addresses.visitorInbox(visitorId), frame);
  }

  public void toAgent(String agentId, JsonObject frame) {
    if (agentId != null) {
      eventBus.publish(Addresses.agentInbox(agentId), frame);
    }
  }
}
