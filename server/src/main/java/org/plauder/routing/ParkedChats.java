package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentStore;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.ParkedStore;
import org.plauder.conversation.ParkedStore.Parked;
import org.plauder.conversation.SlotKind;
import org.plauder.conversation.WorkStatus;
import org.plauder.conversation.WorkStatusRules;
import org.plauder.conversation.WorkStatusRules.Change;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ConversationStatusChanged;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.DomainEvent.StatusReason;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;

/**
 * E-mail conversations parked and woken with their chat slots. Parking (pending, snoozed) first
 * moves the conversation with one conditional update and then gives its agent's slot back, and
 * the queue is drained into it; opening first claims a slot with the same atomic claim as any
 * assignment ({@link AgentStore#claimSlotOf}) and then moves the conversation, giving the slot
 * back when another change came first (an e-mail slot instead, where the site gives e-mails their own:
 * {@link AssignmentPolicy#selectionFor}); the kind taken is written on the conversation, and parking gives
 * back that kind ({@link AssignmentPolicy#holdsEmailSlot}). So no agent ever holds more than its limit, and a node
 * dying between the two writes leaves at most a slot that {@link SlotAudit} gives back. Woken by
 * the customer or the end of its snooze while its agent has no room, a conversation waits in the
 * queue for anyone with room. The rules are {@link WorkStatusRules}.
 */
public final class ParkedChats {

  private final AgentStore agents;
  private final ParkedStore parked;
  private final ConversationStore conversations;
  private final AssignmentPolicy policy;
  private final ChatRouter router;
  private final EventSink events;
  private final CachedReads<String, Conversation> cache;
  private final Clock clock;

  public ParkedChats(AgentStore agents, ParkedStore parked, ConversationStore conversations, AssignmentPolicy policy,
      ChatRouter router, EventSink events, CachedReads<String, Conversation> cache, Clock clock) {
    this.agents = agents;
    this.parked = parked;
    this.conversations = conversations;
    this.policy = policy;
    this.router = router;
    this.events = events;
    this.cache = cache;
    this.clock = clock;
  }

  /** The agent sets the work status ({@code until}: the snooze's end); the conversation after, with its snooze end. */
  public Future<Parked> change(Identity agent, Conversation c, WorkStatus wanted, Instant until) {
    Instant now = clock.instant();
    Instant end = until == null ? null : until.truncatedTo(ChronoUnit.MILLIS); // what the store keeps
    Change change;
    try {
      change = WorkStatusRules.byAgent(c, agent.id(), wanted, end, now);
    } catch (Failure refused) {
      return Future.failedFuture(refused);
    }
    if (!change.changes()) {
      return c.status() == ConversationStatus.SNOOZED ? parked.snoozedUntil(c.id()).map(at -> new Parked(c, at))
          : Future.succeededFuture(new Parked(c, null));
    }
    return switch (change.to()) {
      case CLOSED -> resolve(c, change).map(closed -> new Parked(closed, null));
      case ACTIVE -> open(c, change).map(opened -> new Parked(opened, null));
      default -> park(c, change, end);
    };
  }

  /**
   * The customer wrote, or the snooze until {@code snoozedUntil} ended: a parked conversation opens
   * again, with its agent when it has room, else in the queue. Null when it was no longer parked so.
   */
  public Future<Conversation> wake(Conversation c, Instant snoozedUntil, StatusReason reason) {
    Change change = WorkStatusRules.wake(c);
    if (!change.changes()) {
      return Future.succeededFuture(null);
    }
    return slotRule(c).compose(rule -> claimSlot(c, rule)).compose(slot -> slot == null ? toQueue(c, snoozedUntil)
            : parked.wake(c.id(), c.agentId(), c.status(), snoozedUntil, slot).compose(woken -> woken == null
                ? giveBack(c.agentId(), slot).map((Conversation) null) : Future.succeededFuture(woken)))
        .map(woken -> woken == null ? null : announce(woken, c, null, reason));
  }

  private Future<Conversation> toQueue(Conversation c, Instant snoozedUntil) {
    return conversations.nextQueueTicket(c.siteKey())
        .compose(ticket -> parked.requeue(c.id(), c.status(), snoozedUntil, ticket))
        .compose(queued -> {
          if (queued == null) {
            return Future.<Conversation>succeededFuture();
          }
          events.publish(new ChatQueued(c.siteKey(), c.id(), c.visitorId(), QueueReason.WOKEN, c.agentId(), c.agentName()));
          return router.assignQueued(c.siteKey()).compose(v -> conversations.find(c.id()));
        });
  }

  private Future<Conversation> resolve(Conversation c, Change change) {
    if (change.from() == ConversationStatus.ACTIVE) {
      return router.close(c, "agent"); // gives the slot back and drains the queue, as any close
    }
    return parked.resolve(c.id(), c.agentId(), change.from(), clock.instant()).compose(closed -> {
      if (closed == null) {
        return Future.<Conversation>failedFuture(changedMeanwhile());
      }
      cache.forget(c.id());
      events.publish(new ChatClosed(c.siteKey(), c.id(), c.visitorId(), c.agentId(), "agent", false));
      return Future.succeededFuture(closed);
    });
  }

  private Future<Conversation> open(Conversation c, Change change) {
    return slotRule(c).compose(rule -> claimSlot(c, rule).compose(slot -> slot == null
            ? agents.find(c.agentId()).compose(a -> Future.<Conversation>failedFuture(TakeRefusal.of(a, rule.maxEmails())))
            : parked.wake(c.id(), c.agentId(), change.from(), null, slot).compose(woken -> woken == null
                ? giveBack(c.agentId(), slot).compose(v -> Future.<Conversation>failedFuture(changedMeanwhile()))
                : Future.succeededFuture(announce(woken, c, null, StatusReason.BY_AGENT)))));
  }

  /** The claim {@code c} takes a slot by on its site now: a chat slot, or an e-mail slot where the site gives e-mails their own. */
  private Future<AgentSelection> slotRule(Conversation c) {
    return policy.now(c.siteKey()).map(p -> p.selectionFor(c.channel()));
  }

  /** A slot of {@code c}'s agent for it, claimed by {@code rule}; the kind claimed, or null when the agent has no room. */
  private Future<SlotKind> claimSlot(Conversation c, AgentSelection rule) {
    return agents.claimSlotOf(c.agentId(), c.siteKey(), rule, clock.instant())
        .map(agent -> agent == null ? null : AssignmentPolicy.slotClaimedBy(rule));
  }

  private Future<Parked> park(Conversation c, Change change, Instant until) {
    return parked.park(c.id(), c.agentId(), change.from(), change.to(), until).compose(after -> {
      if (after == null) {
        return Future.<Parked>failedFuture(changedMeanwhile());
      }
      announce(after.conversation(), c, after.snoozedUntil(), StatusReason.BY_AGENT);
      return change.slot() != WorkStatusRules.Slot.GIVE_BACK ? Future.succeededFuture(after)
          : policy.holdsEmailSlot(after.conversation()).compose(email -> agents.releaseSlot(c.agentId(), email))
              .compose(v -> router.assignQueued(c.siteKey())).map(after);
    });
  }

  /** Gives back a slot just claimed for a conversation that another change moved first. */
  private Future<Void> giveBack(String agentId, SlotKind claimed) {
    return agents.releaseSlot(agentId, claimed == SlotKind.EMAIL);
  }

  private Conversation announce(Conversation now, Conversation before, Instant snoozedUntil, StatusReason reason) {
    cache.forget(now.id());
    events.publish(new ConversationStatusChanged(now.siteKey(), now, before.agentId(), before.status(), snoozedUntil, reason));
    return now;
  }

  private static Failure changedMeanwhile() {
    return Failure.conflict("status_changed", "the conversation changed meanwhile: look at it again");
  }
}
