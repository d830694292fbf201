package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentStatus;
import org.plauder.agent.AgentStore;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.RoutingStep.Candidate;
import org.plauder.conversation.SlotKind;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.DomainEvent.TransferReason;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;

/**
 * An active chat moving from one agent to another: handed over by its agent, given to a
 * colleague with room because its agent did not answer in time or lost its connection, or taken
 * over by a supervisor. The new agent's slot is claimed
 * first (so nobody goes over maxChats), then the conversation moves with a conditional update that
 * writes down the slot it now takes; if that no longer holds, the slot is given back. The old
 * agent's slot — the kind written on the conversation — then goes to the queue.
 */
final class Handovers {

  private final AgentStore agents;
  private final ConversationStore conversations;
  private final AssignmentPolicy policy;
  private final EventSink events;
  private final Clock clock;
  private final Function<String, Future<Void>> assignQueued;

  Handovers(AgentStore agents, ConversationStore conversations, AssignmentPolicy policy, EventSink events, Clock clock,
      Function<String, Future<Void>> assignQueued) {
    this.agents = agents;
    this.conversations = conversations;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
    this.assignQueued = assignQueued;
  }

  /** Hands an active chat to another agent of the same site whom the policy allows (online with room). */
  Future<Conversation> transfer(Identity from, Conversation c, String toAgentId, String note) {
    if (c.status() != ConversationStatus.ACTIVE || !from.id().equals(c.agentId())) {
      return Future.failedFuture(Failure.conflict("not_your_chat", "only the agent holding an active chat can transfer it"));
    }
    if (toAgentId.equals(from.id())) {
      return Future.failedFuture(Failure.badInput("cannot transfer a chat to yourself"));
    }
    return Future.all(agents.find(from.id()), agents.find(toAgentId)).compose(both -> {
      Agent sender = both.resultAt(0);
      Agent target = both.resultAt(1);
      if (target == null || !target.siteKey().equals(c.siteKey())) {
        return Future.failedFuture(Failure.notFound("agent"));
      }
      List<Candidate> considered = List.of(QueueDrain.candidate(target));
      return policy.now(c.siteKey()).map(p -> p.selectionFor(c.channel())).compose(slot -> agents
          .claimSlotOf(target.id(), c.siteKey(), slot, clock.instant()).compose(claimed -> claimed == null
              ? Future.failedFuture(Failure.conflict("agent_unavailable", "that agent is not online or has no free chat slot"))
              : moveTo(c, sender == null ? null : sender.shownName(), claimed, slot, note, TransferReason.BY_AGENT, considered)))
          .compose(moved -> moved == null
              ? Future.failedFuture(Failure.conflict("not_your_chat", "the chat is no longer yours to transfer"))
              : Future.succeededFuture(moved));
    });
  }

  /**
   * Gives an active chat whose agent has not answered to another agent the policy allows (never
   * back to the same one); null when nobody else has room, or when the chat was answered, ended
   * or moved meanwhile.
   */
  Future<Conversation> reassignUnanswered(String conversationId, String agentId) {
    return conversations.find(conversationId).compose(c -> {
      if (c == null || c.status() != ConversationStatus.ACTIVE || !agentId.equals(c.agentId()) || c.firstAgentReplyAt() != null) {
        return Future.succeededFuture(null);
      }
      return Future.all(agents.ofSite(c.siteKey()), policy.now(c.siteKey())).compose(both -> {
        AssignmentPolicy p = both.resultAt(1);
        AgentSelection slot = p.selectionFor(c.channel());
        List<Candidate> considered = AssignmentPolicy.considered(both.<List<Agent>>resultAt(0).stream()
            .filter(a -> !a.id().equals(agentId) && p.canTakeChat(a)), slot);
        return agents.claimSlotExcept(c.siteKey(), agentId, slot, clock.instant()).compose(target -> target == null
            ? Future.succeededFuture(null)
            : moveTo(c, c.agentName(), target, slot, null, TransferReason.NO_REPLY, considered));
      });
    });
  }

  /**
   * The agent chose online but has had no dashboard open for the site's grace period: it is set
   * away (only while still online, so of several nodes that notice, one acts) and each of its
   * active chats goes to a colleague the policy allows, or back to the queue at its old place.
   */
  Future<Void> takeOverFrom(String agentId) {
    return setAway(agentId).compose(lost -> {
      if (lost == null) {
        return Future.succeededFuture();
      }
      return relieveAll(lost, TransferReason.AGENT_LOST, QueueReason.AGENT_LOST).compose(r -> assignQueued.apply(lost.siteKey()));
    });
  }

  /** How an agent's chats went: to colleagues, back to the queue. */
  record Relieved(int toColleagues, int toQueue) {}

  /**
   * An agent who leaves (away or offline, see {@link DeskLeaving}) hands each active chat to a colleague with room,
   * as a transfer of its own, or back to the queue at its old place.
   */
  Future<Relieved> handOverAllOf(Agent leaving) {
    return relieveAll(leaving, TransferReason.BY_AGENT, QueueReason.AGENT_LEFT).compose(r -> assignQueued.apply(leaving.siteKey()).map(r));
  }

  private Future<Relieved> relieveAll(Agent from, TransferReason moved, QueueReason requeued) {
    return conversations.activeOfAgent(from.id()).compose(active -> {
      Future<Relieved> chain = Future.succeededFuture(new Relieved(0, 0));
      for (Conversation c : active) {
        chain = chain.compose(r -> relieve(c, from, moved, requeued).map(went -> went == null ? r
            : went ? new Relieved(r.toColleagues() + 1, r.toQueue()) : new Relieved(r.toColleagues(), r.toQueue() + 1)));
      }
      return chain;
    });
  }

  /** Sets the agent away only while it is still online (of several nodes that notice, one acts); null when it was not. */
  Future<Agent> setAway(String agentId) {
    return agents.setStatusWhile(agentId, AgentStatus.ONLINE, AgentStatus.AWAY).map(a -> {
      if (a != null) {
        events.publish(new AgentStatusChanged(a.siteKey(), a.id(), a.status(), a.maxChats(), a.disabled()));
      }
      return a;
    });
  }

  /** One chat of the agent to a colleague (true), or back to the queue (false); null when it was no longer the agent's. */
  private Future<Boolean> relieve(Conversation c, Agent lost, TransferReason moved, QueueReason requeued) {
    return Future.all(agents.ofSite(c.siteKey()), policy.now(c.siteKey())).compose(both -> {
      AssignmentPolicy p = both.resultAt(1);
      AgentSelection slot = p.selectionFor(c.channel());
      List<Candidate> considered = AssignmentPolicy.considered(both.<List<Agent>>resultAt(0).stream()
          .filter(a -> !a.id().equals(lost.id()) && p.canTakeChat(a)), slot);
      return agents.claimSlotExcept(c.siteKey(), lost.id(), slot, clock.instant()).compose(target -> target != null
          ? moveTo(c, lost.shownName(), target, slot, null, moved, considered).map(m -> m == null ? null : true)
          : conversations.requeue(c.id(), lost.id()).compose(back -> {
            if (back == null) {
              return Future.succeededFuture((Boolean) null);
            }
            events.publish(new ChatQueued(c.siteKey(), c.id(), c.visitorId(), requeued, lost.id(), lost.shownName()));
            return policy.holdsEmailSlot(back).compose(email -> agents.releaseSlot(lost.id(), email)).map(false);
          }));
    });
  }

  /**
   * An admin or supervisor takes an active chat over from its agent, with a slot of its own (online
   * with room, as for any chat); the agent is told, the visitor sees the new name.
   */
  Future<Conversation> takeOver(Identity supervisor, Conversation c) {
    if (c.status() != ConversationStatus.ACTIVE) {
      return Future.failedFuture(Failure.conflict("not_active", "only an active chat can be taken over"));
    }
    if (supervisor.id().equals(c.agentId())) {
      return Future.failedFuture(Failure.badInput("this chat is yours already"));
    }
    return policy.selectionFor(c).compose(slot -> agents.claimSlotOf(supervisor.id(), c.siteKey(), slot, clock.instant())
        .compose(claimed -> claimed == null
        ? Future.failedFuture(Failure.conflict("no_capacity", "go online with a free chat slot to take a chat over"))
        : moveTo(c, c.agentName(), claimed, slot, null, TransferReason.TAKEN_OVER, List.of(QueueDrain.candidate(claimed)))))
        .compose(moved -> moved == null
            ? Future.failedFuture(Failure.conflict("chat_moved", "the chat changed hands or ended meanwhile"))
            : Future.succeededFuture(moved));
  }

  /**
   * Moves the chat from its agent to {@code target}, whose slot {@code claimedBy} claimed; null (that slot given back)
   * when it is no longer as read. The old agent gives back the slot written on {@code c}, which the move still found there.
   */
  private Future<Conversation> moveTo(Conversation c, String fromName, Agent target, AgentSelection claimedBy, String note,
      TransferReason reason, List<Candidate> considered) {
    SlotKind taken = AssignmentPolicy.slotClaimedBy(claimedBy);
    return conversations.reassign(c, target.id(), target.shownName(), taken, reason == TransferReason.NO_REPLY).compose(moved -> {
      if (moved == null) {
        return agents.releaseSlot(target.id(), taken == SlotKind.EMAIL).map(v -> null);
      }
      events.publish(new ChatTransferred(moved.siteKey(), moved, c.agentId(), fromName, note, reason, considered));
      return policy.holdsEmailSlot(c).compose(email -> agents.releaseSlot(c.agentId(), email))
          .compose(v -> assignQueued.apply(c.siteKey())).map(v -> moved);
    });
  }

  /**
   * Hands every active chat of an agent who can no longer work (disabled) back to the queue,
   * ahead of newer arrivals, and assigns them to whoever has room.
   */
  Future<Void> requeueAllOf(String agentId, String siteKey) {
    return conversations.activeOfAgent(agentId).compose(active -> {
      Future<Void> chain = Future.succeededFuture();
      for (Conversation c : active) {
        chain = chain.compose(v -> conversations.requeue(c.id(), agentId).compose(back -> {
          if (back == null) {
            return Future.succeededFuture();
          }
          events.publish(new ChatQueued(siteKey, c.id(), c.visitorId(), QueueReason.AGENT_DISABLED));
          return policy.holdsEmailSlot(back).compose(email -> agents.releaseSlot(agentId, email));
        }));
      }
      return chain;
    }).compose(v -> assignQueued.apply(siteKey));
  }
}
