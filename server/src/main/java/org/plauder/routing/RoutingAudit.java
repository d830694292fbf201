package org.plauder.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.List;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.RoutingHistory;
import org.plauder.conversation.RoutingStep;
import org.plauder.conversation.RoutingStep.Rule;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.DomainEvent.TransferReason;
import org.plauder.event.DomainEvents;
import org.plauder.visitor.AgentMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down every routing step with its reason — assignment, take, invitation, transfer,
 * reassignment after no reply, requeue — and the agents considered, as a listener on the node
 * where the step happened. Agents read it beside the chat ("why me?") and in the JSON transcript.
 * It also remembers each visitor's agent, for the visitor's next chat ({@link LastAgentRule}).
 */
public final class RoutingAudit extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(RoutingAudit.class);

  private final DomainEvents events;
  private final RoutingHistory history;
  private final AgentMemory lastAgents;
  private final Clock clock;

  public RoutingAudit(DomainEvents events, RoutingHistory history, AgentMemory lastAgents, Clock clock) {
    this.events = events;
    this.history = history;
    this.lastAgents = lastAgents;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    return Future.all(
        events.on(ChatAssigned.class, e -> {
          write(e.conversation().id(), new RoutingStep(clock.instant(), ruleOf(e.reason()),
              e.conversation().agentId(), e.conversation().agentName(), null, null, e.candidates()));
          remember(e.conversation());
        }),
        events.on(ChatTransferred.class, e -> {
          write(e.conversation().id(), new RoutingStep(clock.instant(),
              ruleOf(e.reason()),
              e.conversation().agentId(), e.conversation().agentName(), e.fromAgentId(), e.fromAgentName(), e.candidates()));
          remember(e.conversation());
        }),
        events.on(ChatQueued.class, e -> {
          if (e.reason() != QueueReason.NEW) {
            write(e.conversationId(), new RoutingStep(clock.instant(), e.reason() == QueueReason.AGENT_LOST ? Rule.AGENT_LOST : Rule.REQUEUE,
                null, null, e.fromAgentId(), e.fromAgentName(), List.of()));
          }
        }));
  }

  static Rule ruleOf(AssignReason reason) {
    return switch (reason) {
      case LOWEST_LOAD -> Rule.LEAST_LOADED;
      case INVITATION -> Rule.INVITATION;
      case TAKEN -> Rule.TAKE;
      case STICKY -> Rule.STICKY;
      case SKILL -> Rule.SKILL;
      case FALLBACK -> Rule.FALLBACK;
    };
  }

  static Rule ruleOf(TransferReason reason) {
    return switch (reason) {
      case BY_AGENT -> Rule.TRANSFER;
      case NO_REPLY -> Rule.REASSIGN_NO_REPLY;
      case AGENT_LOST -> Rule.AGENT_LOST;
      case TAKEN_OVER -> Rule.TAKE_OVER;
    };
  }

  /** The visitor's agent now, for its next chat ({@link LastAgentRule}). */
  private void remember(Conversation c) {
    lastAgents.remember(c.visitorId(), c.agentId())
        .onFailure(e -> log.warn("last agent of visitor {} not recorded: {}", c.visitorId(), e.toString()));
  }

  private void write(String conversationId, RoutingStep step) {
    history.record(conversationId, step)
        .onFailure(e -> log.warn("routing step {} of {} not recorded: {}", step.rule().wire(), conversationId, e.toString()));
  }
}
