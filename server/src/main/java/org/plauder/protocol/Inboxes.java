package org.plauder.protocol;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Pushes frames to the browsers of one visitor or one agent. Published, so every open tab of
 * that person gets it; with a clustered event bus, on every node.
 */
public final class Inboxes {

  private static final DeliveryOptions AS_PUSH_FRAME = new DeliveryOptions().setCodecName(PushFrameCodec.NAME);

  private final EventBus eventBus;

  /** Registers the frames' codec on the bus; a second server on the same Vert.x replaces it with an equal one. */
  public Inboxes(EventBus eventBus) {
    this.eventBus = eventBus;
    eventBus.unregisterCodec(PushFrameCodec.NAME);
    eventBus.registerCodec(new PushFrameCodec());
  }

  /** Pushes {@code frame}, which must not be changed afterwards: every tab gets the same instance. */
  public void toVisitor(String visitorId, JsonObject frame) {
    eventBus.publish(Addresses.visitorInbox(visitorId), frame, AS_PUSH_FRAME);
  }

  /** Pushes {@code frame}, which must not be changed afterwards: every tab gets the same instance. */
  public void toAgent(String agentId, JsonObject frame) {
    if (agentId != null) {
      eventBus.publish(Addresses.agentInbox(agentId), frame, AS_PUSH_FRAME);
    }
  }
}
