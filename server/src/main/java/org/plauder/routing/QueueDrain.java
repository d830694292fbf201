package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStore;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.RoutingStep.Candidate;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.EventSink;

/**
 * Hands a site's waiting chats to agents with room, a batch at a time: one round reads the head
 * of the queue and the site's agents, claims as many slots at once as there are chats and room,
 * and gives the claimed slots to the chats in queue order. Every claim is still one atomic update
 * (so nobody goes over maxChats), but a round costs a handful of database round trips however
 * many chats it assigns, instead of a handful per chat.
 */
final class QueueDrain {

  /** The most chats one round assigns; a full round is followed by another. */
  static final int BATCH = 100;

  /**
   * What became of handing a queued chat to a claimed slot: {@code agent} null when no slot could
   * be claimed; {@code assigned} null when the chat was no longer waiting (the slot is given back).
   */
  record Handover(Agent agent, Conversation assigned) {}

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

  /** Assigns waiting chats, oldest first, while any agent the policy allows has room. */
  Future<Void> drain(String siteKey) {
    return Future.all(conversations.queueHeads(siteKey, BATCH), agents.ofSite(siteKey), policy.now(siteKey)).compose(both -> {
      List<QueuedChat> heads = both.resultAt(0);
      List<Agent> siteAgents = both.resultAt(1);
      AssignmentPolicy policy = both.resultAt(2);
      int wanted = Math.min(heads.size(), policy.roomAmong(siteAgents));
      if (wanted == 0) {
        return Future.succeededFuture();
      }
      Instant now = clock.instant();
      List<Future<Agent>> claims = new ArrayList<>();
      for (int i = 0; i < wanted; i++) {
        claims.add(agents.claimSlot(siteKey, policy.selection(), now));
      }
      List<Candidate> considered = siteAgents.stream().filter(policy::canTakeChat).map(QueueDrain::candidate).toList();
      return settled(claims).compose(claimed -> handOverAll(heads, claimed, now, considered).compose(round -> {
        boolean claimedAll = claimed.size() == wanted;
        boolean mayBeMore = heads.size() == BATCH || round.slotsGivenBack() > 0;
        Future<Void> next = claimedAll && mayBeMore ? drain(siteKey) : Future.succeededFuture();
        return round.failure() == null ? next : next.compose(v -> Future.failedFuture(round.failure()));
      }));
    });
  }

  /** What one round did: how many claimed slots found their chat gone, and the first failure, if any. */
  private record Round(int slotsGivenBack, Throwable failure) {}

  /** Gives the i-th claimed slot to the i-th waiting chat, all at once. */
  private Future<Round> handOverAll(List<QueuedChat> heads, Claimed claimed, Instant now, List<Candidate> considered) {
    List<Future<Handover>> handovers = new ArrayList<>();
    for (int i = 0; i < claimed.agents().size(); i++) {
      handovers.add(handOver(Future.succeededFuture(claimed.agents().get(i)), heads.get(i).conversationId(), now, AssignReason.LOWEST_LOAD,
          considered));
    }
    return Future.join(handovers).transform(done -> {
      int givenBack = 0;
      Throwable failure = claimed.failure();
      for (Future<Handover> h : handovers) {
        if (h.failed()) {
          failure = failure == null ? h.cause() : failure;
        } else if (h.result().assigned() == null) {
          givenBack++;
        }
      }
      return Future.succeededFuture(new Round(givenBack, failure));
    });
  }

  /** The slots a batch of claims took, in the order asked, and the first claim that failed. */
  private record Claimed(List<Agent> agents, Throwable failure) {
    int size() {
      return agents.size();
    }
  }

  /** Waits for every claim: a slot claimed beside a failed claim must still be handed over or given back. */
  private static Future<Claimed> settled(List<Future<Agent>> claims) {
    return Future.join(claims).transform(done -> {
      List<Agent> taken = new ArrayList<>();
      Throwable failure = null;
      for (Future<Agent> claim : claims) {
        if (claim.failed()) {
          failure = failure == null ? claim.cause() : failure;
        } else if (claim.result() != null) {
          taken.add(claim.result());
        }
      }
      return Future.succeededFuture(new Claimed(taken, failure));
    });
  }

  /** An agent as routing saw it when it decided. */
  static Candidate candidate(Agent a) {
    return new Candidate(a.id(), a.name(), a.load(), a.freeSlots());
  }

  /**
   * Queued → active with the agent whose slot {@code claim} took; announced as {@link ChatAssigned}
   * with the agents {@code considered} (null: only the one claimed, as it was before the claim).
   */
  Future<Handover> handOver(Future<Agent> claim, String conversationId, Instant now, AssignReason reason, List<Candidate> considered) {
    return claim.compose(agent -> {
      if (agent == null) {
        return Future.succeededFuture(new Handover(null, null));
      }
      return conversations.activate(conversationId, agent.id(), agent.name(), now).compose(assigned -> {
        if (assigned == null) {
          // Someone else took or closed this chat in the meantime: give the slot back.
          return agents.releaseSlot(agent.id()).map(v -> new Handover(agent, null));
        }
        List<Candidate> candidates = considered != null ? considered
            : List.of(new Candidate(agent.id(), agent.name(), agent.load() - 1, agent.freeSlots() + 1));
        events.publish(new ChatAssigned(assigned.siteKey(), assigned, reason, candidates));
        return Future.succeededFuture(new Handover(agent, assigned));
      });
    });
  }
}
