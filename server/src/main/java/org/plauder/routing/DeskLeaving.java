package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.agent.AgentStore;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.event.DomainEvent.AgentLeft;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;

/**
 * An agent who goes away or offline while visitors are chatting with it, and has said what becomes
 * of them: handed to colleagues with room (each a transfer of its own; with nobody free, back to the
 * queue at its old place), kept (they stay with it; nobody new comes), or closed. Its status changes
 * first, so none of its chats can come straight back to it; then {@code AgentLeft} is published.
 */
public final class DeskLeaving {

  /** What becomes of the leaving agent's open chats. */
  public enum OpenChats {
    HAND_OVER("handOver"), KEEP("keep"), CLOSE("close");

    private final String wire;

    OpenChats(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The choice of this wire name, or null. */
    public static OpenChats fromWire(String wire) {
      for (OpenChats c : values()) {
        if (c.wire.equals(wire)) {
          return c;
        }
      }
      return null;
    }
  }

  /** The agent after leaving, and how its chats went. */
  public record Left(Agent agent, int handedOver, int queued, int closed, int kept) {}

  private final AgentStore agents;
  private final ConversationStore conversations;
  private final ChatRouter router;
  private final Handovers handovers;
  private final EventSink events;

  public DeskLeaving(AgentStore agents, ConversationStore conversations, AssignmentPolicy policy, EventSink events, Clock clock,
      ChatRouter router) {
    this.agents = agents;
    this.conversations = conversations;
    this.router = router;
    this.events = events;
    this.handovers = new Handovers(agents, conversations, policy, events, clock, router::assignQueued);
  }

  public Future<Left> leave(Identity agent, AgentStatus status, OpenChats chats) {
    if (status == AgentStatus.ONLINE) {
      return Future.failedFuture(Failure.badInput("status must be away or offline: leaving is not going online"));
    }
    return router.updateAgent(agent, status, null)
        .compose(updated -> conversations.activeOfAgent(agent.id()).compose(active -> switch (chats) {
          case KEEP -> Future.succeededFuture(new Left(updated, 0, 0, 0, active.size()));
          case CLOSE -> closeAll(active).map(n -> new Left(updated, 0, 0, n, 0));
          case HAND_OVER -> handovers.handOverAllOf(updated).map(r -> new Left(updated, r.toColleagues(), r.toQueue(), 0, 0));
        }))
        .compose(left -> agents.find(agent.id()).map(now -> {
          events.publish(new AgentLeft(now.siteKey(), now.id(), now.shownName(), left.kept()));
          return new Left(now, left.handedOver(), left.queued(), left.closed(), left.kept());
        }));
  }

  private Future<Integer> closeAll(List<Conversation> active) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Conversation c : active) {
      chain = chain.compose(n -> router.close(c, "agent").map(closed -> n + 1));
    }
    return chain;
  }
}
