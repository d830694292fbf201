package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentStore;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.RoutingStep.Candidate;
import org.plauder.conversation.SlotKind;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.routing.AssignmentPolicy.Planned;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.EventSink;

/**
 * Hands a site's waiting chats to agents with room, a batch at a time: one round reads the head
 * of the queue and the site's agents, plans which chats the agents' room serves (each by its own
 * needs, {@link AssignmentPolicy#plan}), claims a slot for each at once, and hands them over. Every claim is still one atomic update
 * (so nobody goes over maxChats), but a round costs a handful of database round trips however
 * many chats it assigns, instead of a handful per chat.
 */
final class QueueDrain {

  /** The most chats one round assigns; a full round is followed by another. */
  static final int BATCH = 100;

  /**
   * What became of handing a queued chat to a slot claimed by {@code claimedBy}: {@code agent} null when no slot
   * could be claimed; {@code assigned} null when the chat was no longer waiting (the slot is given back).
   */
  record Handover(Agent agent, Conversation assigned, AgentSelection claimedBy) {}

  private final AgentStore agents;
  private final ConversationStore conversations;
  private final AssignmentPolicy policy;
  private final EventSink events;
  private final Clock clock;

  QueueDrain(AgentStore agents, ConversationStore conversations, AssignmentPolicy policy, EventSink events, Clock clock) {
    this.agents = agents;
    this.conversations = conversations;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Assigns waiting chats, oldest first, while agents the policy allows for them (with a dashboard
   * open) have room; the result is when the earliest chat left waiting for a matching agent opens
   * to anyone (null: none). Each chat it assigned is put into {@code assigned}, by id, as the assignment left it.
   */
  Future<Instant> drain(String siteKey, Map<String, Conversation> assigned) {
    return Future.all(conversations.queueHeads(siteKey, BATCH), agents.ofSite(siteKey), policy.now(siteKey)).compose(both -> {
      List<QueuedChat> heads = both.resultAt(0);
      List<Agent> siteAgents = both.resultAt(1);
      AssignmentPolicy policy = both.resultAt(2);
      Instant now = clock.instant();
      List<Planned> plan = policy.plan(heads, siteAgents, now);
      Instant fallback = AssignmentPolicy.nextFallback(heads, plan, now);
      if (plan.isEmpty()) {
        return Future.succeededFuture(fallback);
      }
      List<Future<Agent>> claims = new ArrayList<>();
      for (Planned p : plan) {
        claims.add(claimPlanned(siteKey, p, now));
      }
      return settled(claims).compose(claimed -> handOverAll(plan, claimed, now, assigned).compose(round -> {
        boolean claimedAll = claimed.agents().stream().allMatch(a -> a != null);
        boolean mayBeMore = heads.size() == BATCH || round.slotsGivenBack() > 0;
        Future<Instant> next = claimedAll && mayBeMore ? drain(siteKey, assigned) : Future.succeededFuture(fallback);
        return round.failure() == null ? next : next.compose(v -> Future.failedFuture(round.failure()));
      }));
    });
  }

  /**
   * A slot of the agent the plan expects, claimed by its key (one document, no scan); when another
   * node or round took that slot meanwhile, of whichever agent the choice now ranks first.
   */
  private Future<Agent> claimPlanned(String siteKey, Planned p, Instant now) {
    return agents.claimSlotOf(p.agentId(), siteKey, p.choice().selection(), now)
        .compose(agent -> agent != null ? Future.succeededFuture(agent) : agents.claimSlot(siteKey, p.choice().selection(), now));
  }

  /** What one round did: how many claimed slots found their chat gone, and the first failure, if any. */
  private record Round(int slotsGivenBack, Throwable failure) {}

  /** Gives each claimed slot to the chat it was claimed for, all at once. */
  private Future<Round> handOverAll(List<Planned> plan, Claimed claimed, Instant now, Map<String, Conversation> assigned) {
    List<Future<Handover>> handovers = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      handovers.add(handOver(Future.succeededFuture(claimed.agents().get(i)), p.choice().selection(), p.chat().conversationId(), now,
          p.choice().reason(), p.considered()));
    }
    return Future.join(handovers).transform(done -> {
      int givenBack = 0;
      Throwable failure = claimed.failure();
      for (Future<Handover> h : handovers) {
        if (h.failed()) {
          failure = failure == null ? h.cause() : failure;
        } else if (h.result().assigned() != null) {
          assigned.put(h.result().assigned().id(), h.result().assigned());
        } else if (h.result().agent() != null) {
          givenBack++;
        }
      }
      return Future.succeededFuture(new Round(givenBack, failure));
    });
  }

  /** The slots a batch of claims took, in the order asked (null where nobody could be claimed), and the first claim that failed. */
  private record Claimed(List<Agent> agents, Throwable failure) {}

  /** Waits for every claim: a slot claimed beside a failed claim must still be handed over or given back. */
  private static Future<Claimed> settled(List<Future<Agent>> claims) {
    return Future.join(claims).transform(done -> {
      List<Agent> taken = new ArrayList<>();
      Throwable failure = null;
      for (Future<Agent> claim : claims) {
        if (claim.failed()) {
          failure = failure == null ? claim.cause() : failure;
        }
        taken.add(claim.succeeded() ? claim.result() : null);
      }
      return Future.succeededFuture(new Claimed(taken, failure));
    });
  }

  /** An agent as routing saw it when it decided. */
  static Candidate candidate(Agent a) {
    return new Candidate(a.id(), a.name(), a.load(), a.freeSlots());
  }

  /** Claims a slot of this agent for {@code c} (by the rule for its site now: chat or e-mail slot) and hands {@code c} over. */
  Future<Handover> handOverTo(String agentId, Conversation c, Instant now, AssignReason reason) {
    return policy.now(c.siteKey()).compose(p -> {
      AgentSelection selection = p.selectionFor(c.channel());
      return handOver(agents.claimSlotOf(agentId, c.siteKey(), selection, now), selection, c.id(), now, reason, null);
    });
  }

  /**
   * Queued → active with the agent whose slot {@code claim} took by {@code claimedBy}; announced as {@link ChatAssigned}
   * with the agents {@code considered} (null: only the one claimed, as it was before the claim).
   */
  private Future<Handover> handOver(Future<Agent> claim, AgentSelection claimedBy, String conversationId, Instant now,
      AssignReason reason, List<Candidate> considered) {
    return claim.compose(agent -> {
      if (agent == null) {
        return Future.succeededFuture(new Handover(null, null, claimedBy));
      }
      SlotKind slot = AssignmentPolicy.slotClaimedBy(claimedBy);
      return conversations.activate(conversationId, agent.id(), agent.shownName(), slot, now).compose(assigned -> {
        if (assigned == null) {
          // Someone else took or closed this chat in the meantime: give the slot back.
          return agents.releaseSlot(agent.id(), slot == SlotKind.EMAIL).map(v -> new Handover(agent, null, claimedBy));
        }
        List<Candidate> candidates = considered != null ? considered
            : List.of(new Candidate(agent.id(), agent.name(), agent.load() - 1, agent.freeSlots() + 1));
        events.publish(new ChatAssigned(assigned.siteKey(), assigned, reason, candidates));
        return Future.succeededFuture(new Handover(agent, assigned, claimedBy));
      });
    });
  }
}
