package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    return drain(siteKey, List.of(), assigned);
  }

  /**
   * As above, with new chats that have no queue entry yet ({@link Arrivals}): the first round plans
   * them behind every chat that waits, and those it does not assign get their entry before the next
   * round reads the queue — also when the round fails, so that none is left outside it.
   */
  Future<Instant> drain(String siteKey, List<Conversation> arrivals, Map<String, Conversation> assigned) {
    return Future.all(conversations.queueHeads(siteKey, BATCH), agents.ofSite(siteKey), policy.now(siteKey)).transform(read -> {
      if (read.failed()) {
        return enqueueUnassigned(arrivals, assigned).transform(v -> Future.failedFuture(read.cause()));
      }
      List<QueuedChat> heads = read.result().resultAt(0);
      // With a full batch more chats may wait beyond it: then a new chat is not planned before them, it joins them.
      List<Conversation> arriving = heads.size() < BATCH ? arrivals : List.of();
      List<QueuedChat> waiting = new ArrayList<>(heads);
      arriving.forEach(c -> waiting.add(Arrivals.asQueued(c)));
      AssignmentPolicy policy = read.result().resultAt(2);
      Instant now = clock.instant();
      List<Planned> plan = policy.plan(waiting, read.result().resultAt(1), now);
      Instant fallback = AssignmentPolicy.nextFallback(waiting, plan, now);
      if (plan.isEmpty()) {
        return enqueueUnassigned(arrivals, assigned).map(fallback);
      }
      List<Future<Agent>> claims = new ArrayList<>();
      for (Planned p : plan) {
        claims.add(claimPlanned(siteKey, p, now));
      }
      Set<String> unlisted = arriving.stream().map(Conversation::id).collect(Collectors.toSet());
      return settled(claims).compose(claimed -> handOverAll(plan, claimed, now, assigned, unlisted)
          .compose(round -> enqueueUnassigned(arrivals, assigned).map(round)).compose(round -> {
            boolean claimedAll = claimed.agents().stream().allMatch(a -> a != null);
            boolean mayBeMore = heads.size() == BATCH || round.slotsGivenBack() > 0;
            Future<Instant> next = claimedAll && mayBeMore ? drain(siteKey, assigned) : Future.succeededFuture(fallback);
            return round.failure() == null ? next : next.compose(v -> Future.failedFuture(round.failure()));
          }));
    });
  }

  /** The queue entries of the new chats no agent took: they wait now, each at its ticket's place. */
  private Future<Void> enqueueUnassigned(List<Conversation> arrivals, Map<String, Conversation> assigned) {
    return Future.all(arrivals.stream().filter(c -> !assigned.containsKey(c.id())).map(conversations::enqueue).toList()).mapEmpty();
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

  /** Gives each claimed slot to the chat it was claimed for, all at once; the {@code unlisted} ones have no queue entry. */
  private Future<Round> handOverAll(List<Planned> plan, Claimed claimed, Instant now, Map<String, Conversation> assigned,
      Set<String> unlisted) {
    List<Future<Handover>> handovers = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      String id = p.chat().conversationId();
      handovers.add(handOver(Future.succeededFuture(claimed.agents().get(i)), p.choice().selection(), id, !unlisted.contains(id), now,
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

  /**
   * Gives a new chat to the agent it belongs with, if that agent may take it now: the inviting agent of an accepted
   * invitation ({@code invitedBy}), or else a returning visitor's last agent ({@code lastAgent}, as
   * {@link PreferredAgents} answered). The chat as assigned, or null: the queue decides. {@code listed} as below.
   */
  Future<Conversation> handOverPreferred(String invitedBy, Conversation c, boolean listed, Future<String> lastAgent) {
    if (invitedBy != null) {
      return handOverTo(invitedBy, c, listed, clock.instant(), AssignReason.INVITATION).map(Handover::assigned);
    }
    return lastAgent.compose(agentId -> agentId == null ? Future.<Conversation>succeededFuture()
        : handOverTo(agentId, c, listed, clock.instant(), AssignReason.STICKY).map(Handover::assigned));
  }

  /**
   * Claims a slot of this agent for {@code c} (by the rule for its site now: chat or e-mail slot) and hands {@code c} over;
   * {@code listed}: whether {@code c} has a queue entry (a new chat that did not {@link Arrivals arrive} yet has none).
   */
  Future<Handover> handOverTo(String agentId, Conversation c, boolean listed, Instant now, AssignReason reason) {
    return policy.now(c.siteKey()).compose(p -> {
      AgentSelection selection = p.selectionFor(c.channel());
      return handOver(agents.claimSlotOf(agentId, c.siteKey(), selection, now), selection, c.id(), listed, now, reason, null);
    });
  }

  /**
   * Queued → active with the agent whose slot {@code claim} took by {@code claimedBy}; announced as {@link ChatAssigned}
   * with the agents {@code considered} (null: only the one claimed, as it was before the claim).
   */
  private Future<Handover> handOver(Future<Agent> claim, AgentSelection claimedBy, String conversationId, boolean listed, Instant now,
      AssignReason reason, List<Candidate> considered) {
    return claim.compose(agent -> {
      if (agent == null) {
        return Future.succeededFuture(new Handover(null, null, claimedBy));
      }
      SlotKind slot = AssignmentPolicy.slotClaimedBy(claimedBy);
      return conversations.activate(conversationId, agent.id(), agent.shownName(), slot, now, listed).compose(assigned -> {
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
