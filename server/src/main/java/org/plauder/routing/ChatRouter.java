package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.agent.AgentStore;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatRequested;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;
import org.plauder.visitor.VisitorContacts;

/**
 * Who gets which chat. A new chat joins the site's FIFO queue and the queue is drained from its
 * head for as long as the {@link AssignmentPolicy} allows an agent; a slot is taken with one
 * atomic claim, so no agent ever holds more than maxChats, whatever runs concurrently. Whenever
 * capacity frees (a chat closes, an agent comes online or raises maxChats, a transfer) the queue
 * is drained again. Every change is announced as a domain event; the router pushes nothing itself.
 */
public final class ChatRouter {

  /** A first message or a left message: its text and the sender's idempotency key. */
  public record FirstMessage(String text, String clientMsgId) {}

  /**
   * What opens a chat that began with an accepted offer: the offer's text (said by the site, or
   * by the inviting agent) and, for an invitation, the agent who should get the chat if it has room.
   */
  public record Opening(String offerId, String text, ChatMessage.Sender sender, String agentId, String agentName) {}

  /** A message left while nobody was online: where it is stored. */
  public record LeftMessage(String conversationId, long seq, boolean masked) {}

  private final AgentStore agents;
  private final ConversationStore conversations;
  private final VisitorContacts visitors;
  private final ChatLog chatLog;
  private final PreferredAgents preferred;
  private final AssignmentPolicy policy;
  private final EventSink events;
  private final Clock clock;
  private final QueueBoard queue;
  private final SiteDrains<Map<String, Conversation>> drains = new SiteDrains<>();
  private final Arrivals arrivals = new Arrivals();
  private final QueueDrain drain;
  private final Handovers handovers;
  private final FallbackTimers fallbacks;
  private final HoldingRoom holding;
  private final LeftMessages leftMessages;

  /** A router whose new chats may first be held in {@code holding} (the FAQ bot answers first); null: never. */
  public ChatRouter(AgentStore agents, ConversationStore conversations, VisitorContacts visitors, ChatLog chatLog,
      PreferredAgents preferred, AssignmentPolicy policy, AssignmentRate rate, Scheduler scheduler, EventSink events, Clock clock,
      HoldingRoom holding) {
    this.holding = holding;
    this.agents = agents;
    this.conversations = conversations;
    this.visitors = visitors;
    this.chatLog = chatLog;
    this.preferred = preferred;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
    this.drain = new QueueDrain(agents, conversations, policy, events, clock);
    this.handovers = new Handovers(agents, conversations, policy, events, clock, this::assignQueued);
    this.queue = new QueueBoard(agents, conversations, policy, rate, scheduler, events, clock);
    this.fallbacks = new FallbackTimers(scheduler, clock, this::assignQueued);
    this.leftMessages = new LeftMessages(conversations, visitors, chatLog, events, clock);
  }

  /**
   * Opens (or returns the already open) chat of the visitor: queued with its position, active
   * with its agent, or offline when no agent of the site is online at all. {@code needs}: the language and topic's skill
   * a new chat asks for. An opening (accepted offer) is the first message; an invitation's agent gets the chat if it has room.
   */
  public Future<ChatState> requestChat(Identity visitor, String name, String email, ChatNeeds needs, FirstMessage first,
      Opening opening) {
    return Future.all(conversations.findOpenOfVisitor(visitor.id()), anyoneOnline(visitor.siteKey())).compose(both -> {
      Conversation open = both.resultAt(0);
      if (open != null) {
        return continueOpen(open, first);
      }
      return both.<Boolean>resultAt(1) ? openNew(visitor, name, email, needs, first, opening) : Future.succeededFuture(ChatState.offline());
    });
  }

  /** Whether any agent of the site is online for visitors now: chose online, enabled, with a dashboard open. */
  public Future<Boolean> anyoneOnline(String siteKey) {
    return Future.all(agents.ofSite(siteKey), policy.now(siteKey))
        .map(both -> both.<List<Agent>>resultAt(0).stream().anyMatch(both.<AssignmentPolicy>resultAt(1)::isOnline));
  }

  private Future<ChatState> continueOpen(Conversation open, FirstMessage first) {
    return appendFirst(open, first).compose(masked -> describe(open.id()).map(state -> state.withMasked(masked)));
  }

  private Future<ChatState> openNew(Identity visitor, String name, String email, ChatNeeds needs, FirstMessage first,
      Opening opening) {
    String siteKey = visitor.siteKey();
    Future<Boolean> holds = holding == null ? Future.succeededFuture(false) : holding.holds(siteKey, first, opening != null);
    return holds.compose(held -> {
      // A returning visitor's last agent, read beside the chat's own writes; a held chat or an invitation does not ask now.
      Future<String> lastAgent = held || invitedBy(opening) != null ? Future.succeededFuture()
          : preferred.of(siteKey, visitor.id());
      return (held ? holding.open(visitor, name, email, clock.instant()) : conversations.nextQueueTicket(siteKey).compose(ticket ->
          conversations.openQueued(siteKey, visitor.id(), ticket, name, email, needs, clock.instant(), Conversation.CHAT, false)))
          .compose(created -> created == null
              // Another tab (or node) opened the visitor's chat in the same instant: that one it is.
              ? conversations.findOpenOfVisitor(visitor.id()).compose(open -> open == null
                  ? Future.failedFuture(Failure.conflict("busy", "the chat was just opened and closed again, try again"))
                  : continueOpen(open, first))
              : held ? holding.announce(created, name, email, first).compose(masked -> describe(created.id()).map(s -> s.withMasked(masked)))
              : openQueuedChat(visitor, created, name, email, first, opening, lastAgent));
    });
  }

  /** A held chat joins the queue as any new chat (the visitor asked for a person); false when it was not held. */
  public Future<Boolean> release(Conversation c) {
    return holding == null ? Future.succeededFuture(false) : holding.release(c).compose(released -> released == null
        ? Future.succeededFuture(false)
        : drain.handOverPreferred(null, released, true, preferred.of(c.siteKey(), c.visitorId())).compose(v -> assignQueued(c.siteKey())).map(true));
  }

  /** Closes a held chat that the bot's answer settled, by its visitor, never queued; the closed chat, or null when it was not held. */
  public Future<Conversation> settle(Conversation c) {
    return holding == null ? Future.succeededFuture()
        : holding.settle(c).compose(taken -> taken == null ? Future.succeededFuture() : close(taken, "visitor"));
  }

  private Future<ChatState> openQueuedChat(Identity visitor, Conversation created, String name, String email,
      FirstMessage first, Opening opening, Future<String> lastAgent) {
    String siteKey = visitor.siteKey();
    arrivals.expect(created.id());
    Future<Conversation> opened = visitors.setContact(visitor.id(), name, email).map(v -> {
      events.publish(new ChatRequested(siteKey, created.id(), visitor.id(), name, email, false));
      events.publish(new ChatQueued(siteKey, created.id(), visitor.id(), QueueReason.NEW));
      return created;
    }).compose(c -> appendOpening(c, opening));
    Future<Boolean> masked = opened.compose(c -> appendFirst(c, first));
    // Its preferred agent, else the site's next drain: the queue entry is written only if it has to wait (Arrivals).
    return arrivals.route(created, masked.compose(m -> drain.handOverPreferred(invitedBy(opening), opened.result(), false, lastAgent)), this::drainQueue)
        // Assigned now: described as the assignment left it, without reading it again.
        .compose(assigned -> assigned.containsKey(created.id()) ? Future.succeededFuture(ChatState.of(assigned.get(created.id())))
            : describe(created.id()))
        .map(state -> state.withMasked(masked.result()));
  }

  private static String invitedBy(Opening opening) {
    return opening == null ? null : opening.agentId();
  }

  /** Stores a message left while no agent was online ({@link LeftMessages}). */
  public Future<LeftMessage> leaveMessage(Identity visitor, String name, String email, FirstMessage message) {
    return leftMessages.leave(visitor, name, email, message);
  }

  /** Appends the offer text as the chat's first message; returns the conversation as it is after. */
  private Future<Conversation> appendOpening(Conversation c, Opening opening) {
    if (opening == null) {
      return Future.succeededFuture(c);
    }
    return chatLog.append(c, opening.sender(), opening.agentId(), opening.agentName(), opening.text(), "offer-" + opening.offerId())
        .compose(a -> conversations.find(c.id()));
  }

  /** Appends the visitor's first message, if any; true when card numbers in it were masked. */
  private Future<Boolean> appendFirst(Conversation c, FirstMessage first) {
    if (first == null) {
      return Future.succeededFuture(false);
    }
    return chatLog.append(c, ChatMessage.Sender.VISITOR, c.visitorId(), c.visitorName(), first.text(), first.clientMsgId())
        .map(ChatLog.Appended::masked);
  }

  /** The state of a conversation as its visitor sees it, with queue position while queued. */
  public Future<ChatState> describe(String conversationId) {
    return queue.describe(conversationId);
  }

  /** Completes once this node's new chat is assigned or has its queue entry ({@link Arrivals}); at once for any other chat. */
  public Future<Void> routed(String conversationId) {
    return arrivals.whenRouted(conversationId);
  }

  /** Tells the site's queue views again, coalesced like every announcement: what one shows of a waiting chat changed. */
  public Future<Void> announceQueue(String siteKey) {
    return queue.announce(siteKey);
  }

  /** Assigns queued chats while the policy allows ({@link QueueDrain}), announces the queue, and drains again at a fallback time. */
  public Future<Void> assignQueued(String siteKey) {
    return drainQueue(siteKey).mapEmpty();
  }

  /** As {@link #assignQueued}; answers the chats the drain that served this call assigned, by id. */
  private Future<Map<String, Conversation>> drainQueue(String siteKey) {
    return drains.run(siteKey, site -> {
      Map<String, Conversation> assigned = new HashMap<>();
      List<Conversation> arrived = arrivals.take(site);
      return drain.drain(site, arrived, assigned).andThen(done -> arrivals.routed(arrived)).compose(fallback -> {
        fallbacks.drainAt(site, fallback);
        return queue.announce(site).map(assigned);
      });
    });
  }

  /** Closes an open conversation (idempotent) and hands its slot to the next queued visitor. */
  public Future<Conversation> close(Conversation c, String closedBy) {
    return conversations.close(c.id(), closedBy, clock.instant()).compose(before -> {
      if (before == null) {
        return Future.succeededFuture();
      }
      boolean wasActive = before.status() == ConversationStatus.ACTIVE;
      events.publish(new ChatClosed(before.siteKey(), before.id(), before.visitorId(), before.agentId(), closedBy, wasActive));
      return wasActive
          ? policy.holdsEmailSlot(before).compose(email -> agents.releaseSlot(before.agentId(), email))
              .compose(v -> assignQueued(before.siteKey()))
          : queue.announce(before.siteKey());
    }).compose(v -> conversations.find(c.id()));
  }

  /** Hands an active chat to another agent of the same site whom the policy allows (online with room). */
  public Future<Conversation> transfer(Identity from, Conversation c, String toAgentId, String note) {
    return handovers.transfer(from, c, toAgentId, note);
  }

  /** An admin or supervisor takes an active chat over from its agent; see {@link Handovers}. */
  public Future<Conversation> takeOver(Identity supervisor, Conversation c) {
    return handovers.takeOver(supervisor, c);
  }

  /** Gives an unanswered chat to a colleague with room, as {@link NoReplyWatch} asks; see {@link Handovers}. */
  public Future<Conversation> reassignUnanswered(String conversationId, String agentId) {
    return handovers.reassignUnanswered(conversationId, agentId);
  }

  /** An agent without a dashboard for the grace period: away, its chats to colleagues; see {@link Handovers#takeOverFrom}. */
  public Future<Void> agentLost(String agentId) {
    return handovers.takeOverFrom(agentId);
  }

  /** An agent who did nothing for its site's auto-away time: away (its chats stay); null when it was no longer online. */
  public Future<Agent> setIdleAway(String agentId) {
    return handovers.setAway(agentId);
  }

  /** An agent takes a queued chat out of turn into one of its own free slots; refused without room or when it no longer waits. */
  public Future<Conversation> take(Identity agent, Conversation c) {
    if (c.status() != ConversationStatus.QUEUED) {
      return Future.failedFuture(Failure.conflict("not_queued", "this chat is no longer waiting"));
    }
    return drain.handOverTo(agent.id(), c, true, clock.instant(), AssignReason.TAKEN).compose(h -> {
      if (h.agent() == null) {
        return agents.find(agent.id()).compose(a -> Future.<Conversation>failedFuture(TakeRefusal.of(a, h.claimedBy().maxEmails())));
      }
      if (h.assigned() == null) {
        return Future.failedFuture(Failure.conflict("not_queued", "this chat is no longer waiting"));
      }
      return queue.announce(c.siteKey()).map(v -> h.assigned());
    });
  }

  /** Hands every active chat of a disabled agent back to the queue, ahead of newer ones; see {@link Handovers#requeueAllOf}. */
  public Future<Void> requeueChatsOf(String agentId, String siteKey) {
    return handovers.requeueAllOf(agentId, siteKey);
  }

  /** Changes an agent's status and/or maxChats; an agent who now has room gets queued chats at once. */
  public Future<Agent> updateAgent(Identity agent, AgentStatus status, Integer maxChats) {
    Future<Agent> afterMax = maxChats == null ? agents.find(agent.id()) : agents.setMaxChats(agent.id(), maxChats);
    return afterMax
        .compose(a -> status == null || a == null ? Future.succeededFuture(a) : agents.setStatus(agent.id(), status))
        .compose(a -> {
          if (a == null) {
            return Future.failedFuture(Failure.notFound("agent"));
          }
          events.publish(new AgentStatusChanged(a.siteKey(), a.id(), a.status(), a.maxChats(), a.disabled()));
          return assignQueued(a.siteKey()).compose(v -> agents.find(a.id()));
        });
  }
}
