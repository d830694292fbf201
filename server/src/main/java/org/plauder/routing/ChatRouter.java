package org.plauder.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationService;
import org.plauder.conversation.ConversationStatus;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.plauder.store.Agents;
import org.plauder.store.Conversations;
import org.plauder.store.Counters;
import org.plauder.store.Visitors;

/**
 * Who gets which chat. A new chat joins the site's FIFO queue and the queue is drained from its
 * head for as long as an online agent has a free slot; a slot is taken with one atomic update of
 * the agent's counters, so no agent ever holds more than maxChats, whatever runs concurrently.
 * Whenever capacity frees (a chat closes, an agent comes online or raises maxChats, a transfer)
 * the queue is drained again.
 */
public final class ChatRouter {

  /** A first message or a left message: its text and the sender's idempotency key. */
  public record FirstMessage(String text, String clientMsgId) {}

  /**
   * What opens a chat that began with an accepted offer: the offer's text (said by the site, or
   * by the inviting agent) and, for an invitation, the agent who should get the chat if it has room.
   */
  public record Opening(String offerId, String text, ChatMessage.Sender sender, String agentId, String agentName) {}

  private final Agents agents;
  private final Conversations conversations;
  private final Visitors visitors;
  private final Counters counters;
  private final ConversationService messages;
  private final Inboxes inboxes;
  private final Clock clock;

  public ChatRouter(Agents agents, Conversations conversations, Visitors visitors, Counters counters,
      ConversationService messages, Inboxes inboxes, Clock clock) {
    this.agents = agents;
    this.conversations = conversations;
    this.visitors = visitors;
    this.counters = counters;
    this.messages = messages;
    this.inboxes = inboxes;
    this.clock = clock;
  }

  /**
   * Opens (or returns the already open) chat of the visitor. Replies with its state: queued with
   * position, active with the agent, or offline when no agent of the site is online at all.
   */
  public Future<JsonObject> requestChat(Identity visitor, String name, String email, FirstMessage first) {
    return requestChat(visitor, name, email, first, null);
  }

  public Future<JsonObject> requestChat(Identity visitor, String name, String email, FirstMessage first, Opening opening) {
    return conversations.findOpenOfVisitor(visitor.id()).compose(open -> {
      if (open != null) {
        return appendFirst(open, first).compose(masked -> describe(open.id()).map(state -> withMasked(state, masked)));
      }
      return agents.countOnline(visitor.siteKey()).compose(online -> {
        if (online == 0) {
          return Future.succeededFuture(new JsonObject().put("status", ConversationStatus.OFFLINE.wire()));
        }
        return counters.next("queue:" + visitor.siteKey())
            .compose(ticket -> conversations.insert(visitor.siteKey(), visitor.id(), ConversationStatus.QUEUED,
                ticket, name, email, clock.instant()))
            .compose(created -> visitors.setContact(visitor.id(), name, email)
                .compose(v -> appendOpening(created, opening))
                .compose(c -> appendFirst(c, first).compose(masked ->
                    (opening == null || opening.agentId() == null ? Future.<Void>succeededFuture() : assignTo(opening.agentId(), c))
                        .compose(v -> assignQueued(visitor.siteKey()))
                        .compose(v -> describe(created.id()))
                        .map(state -> withMasked(state, masked)))));
      });
    });
  }

  /** Stores a message left while no agent was online; agents find it among the offline conversations. */
  public Future<JsonObject> leaveMessage(Identity visitor, String name, String email, FirstMessage message) {
    return conversations.insert(visitor.siteKey(), visitor.id(), ConversationStatus.OFFLINE, 0, name, email, clock.instant())
        .compose(c -> visitors.setContact(visitor.id(), name, email)
            .compose(v -> messages.append(c, ChatMessage.Sender.VISITOR, visitor.id(), name, message.text(), message.clientMsgId()))
            .map(appended -> new JsonObject()
                .put("conversationId", c.id())
                .put("status", ConversationStatus.OFFLINE.wire())
                .put("seq", appended.message().seq())
                .put("masked", appended.masked())));
  }

  /** Appends the offer text as the chat's first message; returns the conversation as it is after. */
  private Future<Conversation> appendOpening(Conversation c, Opening opening) {
    if (opening == null) {
      return Future.succeededFuture(c);
    }
    return messages.append(c, opening.sender(), opening.agentId(), opening.agentName(), opening.text(), "offer-" + opening.offerId())
        .compose(a -> conversations.find(c.id()));
  }

  /** Gives a queued chat to this agent if it is online with room; otherwise the queue decides. */
  private Future<Void> assignTo(String agentId, Conversation c) {
    Instant now = clock.instant();
    return handOver(agents.claimSlotOf(agentId, c.siteKey(), now), c.id(), now).mapEmpty();
  }

  /**
   * What became of handing a queued chat to a claimed slot: {@code agent} null when no slot could
   * be claimed; {@code assigned} null when the chat was no longer waiting (the slot is given back).
   */
  private record Handover(Agent agent, Conversation assigned) {}

  /** Queued → active with the agent whose slot {@code claim} took; announced to both sides. */
  private Future<Handover> handOver(Future<Agent> claim, String conversationId, Instant now) {
    return claim.compose(agent -> {
      if (agent == null) {
        return Future.succeededFuture(new Handover(null, null));
      }
      return conversations.activate(conversationId, agent.id(), agent.name(), now).compose(assigned -> {
        if (assigned == null) {
          // Someone else took or closed this chat in the meantime: give the slot back.
          return agents.releaseSlot(agent.id()).map(v -> new Handover(agent, null));
        }
        announceAssigned(assigned, null, null);
        return Future.succeededFuture(new Handover(agent, assigned));
      });
    });
  }

  /** Appends the visitor's first message, if any; true when card numbers in it were masked. */
  private Future<Boolean> appendFirst(Conversation c, FirstMessage first) {
    if (first == null) {
      return Future.succeededFuture(false);
    }
    return messages.append(c, ChatMessage.Sender.VISITOR, c.visitorId(), c.visitorName(), first.text(), first.clientMsgId())
        .map(ConversationService.Appended::masked);
  }

  private static JsonObject withMasked(JsonObject state, boolean masked) {
    return masked ? state.put("masked", true) : state;
  }

  /** The state of a conversation as its visitor sees it, with queue position while queued. */
  public Future<JsonObject> describe(String conversationId) {
    return conversations.find(conversationId).compose(c -> {
      JsonObject state = new JsonObject()
          .put("status", c.status().wire())
          .put("conversation", Json.conversationForVisitor(c));
      if (c.status() != ConversationStatus.QUEUED) {
        return Future.succeededFuture(state);
      }
      return Future.all(conversations.queuedOfSite(c.siteKey()), recentAssignments(c.siteKey())).map(all -> {
        List<Conversation> queue = all.resultAt(0);
        int position = positionOf(queue, c.id());
        return state.put("position", position).put("estimatedWaitSeconds", WaitEstimate.seconds(position, all.resultAt(1)));
      });
    });
  }

  private static int positionOf(List<Conversation> queue, String conversationId) {
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).id().equals(conversationId)) {
        return i + 1;
      }
    }
    return 0;
  }

  private Future<Long> recentAssignments(String siteKey) {
    return conversations.countAssignedSince(siteKey, clock.instant().minus(WaitEstimate.WINDOW));
  }

  /** Assigns queued chats, oldest first, while an online agent has room; then tells the queue where it stands. */
  public Future<Void> assignQueued(String siteKey) {
    return drain(siteKey).compose(v -> announceQueue(siteKey));
  }

  private Future<Void> drain(String siteKey) {
    return conversations.oldestQueued(siteKey).compose(head -> {
      if (head == null) {
        return Future.succeededFuture();
      }
      Instant now = clock.instant();
      // Assigned or not (someone else got the head first), look again while there is room.
      return handOver(agents.claimSlot(siteKey, now), head.id(), now)
          .compose(h -> h.agent() == null ? Future.succeededFuture() : drain(siteKey));
    });
  }

  private void announceAssigned(Conversation c, Agent transferredFrom, String note) {
    inboxes.toVisitor(c.visitorId(), Json.push("assigned").put("conversation", Json.conversationForVisitor(c)));
    JsonObject toAgent = Json.push("assigned").put("conversation", Json.conversation(c));
    if (transferredFrom != null) {
      toAgent.put("transferredFrom", new JsonObject().put("id", transferredFrom.id()).put("name", transferredFrom.name()))
          .put("note", note);
    }
    inboxes.toAgent(c.agentId(), toAgent);
  }

  /**
   * Tells every queued visitor of the site its position and wait estimate (or that nobody is
   * online any more), and every agent of the site who is waiting.
   */
  public Future<Void> announceQueue(String siteKey) {
    return Future.all(conversations.queuedOfSite(siteKey), recentAssignments(siteKey), agents.ofSite(siteKey)).map(all -> {
      List<Conversation> queue = all.resultAt(0);
      long assignedRecently = all.resultAt(1);
      List<Agent> siteAgents = all.resultAt(2);
      boolean anyoneOnline = siteAgents.stream().anyMatch(a -> a.status() == AgentStatus.ONLINE && !a.disabled());
      JsonArray waiting = new JsonArray();
      for (int i = 0; i < queue.size(); i++) {
        Conversation c = queue.get(i);
        int position = i + 1;
        inboxes.toVisitor(c.visitorId(), Json.push("queued")
            .put("conversationId", c.id())
            .put("position", position)
            .put("estimatedWaitSeconds", WaitEstimate.seconds(position, assignedRecently))
            .put("agentsOnline", anyoneOnline));
        waiting.add(new JsonObject()
            .put("conversationId", c.id())
            .put("visitorName", c.visitorName())
            .put("waitingSince", Json.time(c.createdAt())));
      }
      JsonObject queueFrame = Json.push("queue").put("waiting", waiting);
      siteAgents.stream().filter(a -> a.status() != AgentStatus.OFFLINE).forEach(a -> inboxes.toAgent(a.id(), queueFrame));
      return null;
    });
  }

  /** Closes an open conversation (idempotent) and hands its slot to the next queued visitor. */
  public Future<Conversation> close(Conversation c, String closedBy) {
    return conversations.close(c.id(), closedBy, clock.instant()).compose(before -> {
      if (before == null) {
        return Future.succeededFuture();
      }
      JsonObject frame = Json.push("closed").put("conversationId", c.id()).put("closedBy", closedBy);
      inboxes.toVisitor(before.visitorId(), frame);
      inboxes.toAgent(before.agentId(), frame);
      if (before.status() == ConversationStatus.ACTIVE) {
        return agents.releaseSlot(before.agentId()).compose(v -> assignQueued(before.siteKey()));
      }
      return announceQueue(before.siteKey());
    }).compose(v -> conversations.find(c.id()));
  }

  /** Hands an active chat to another online agent of the same site who has room. */
  public Future<JsonObject> transfer(Identity from, Conversation c, String toAgentId, String note) {
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
      return agents.claimSlotOf(target.id(), c.siteKey(), clock.instant()).compose(claimed -> {
        if (claimed == null) {
          return Future.failedFuture(Failure.conflict("agent_unavailable", "that agent is not online or has no free chat slot"));
        }
        return conversations.reassign(c.id(), from.id(), target.id(), target.name()).compose(moved -> {
          if (moved == null) {
            return agents.releaseSlot(target.id()).compose(v ->
                Future.failedFuture(Failure.conflict("not_your_chat", "the chat is no longer yours to transfer")));
          }
          inboxes.toAgent(from.id(), Json.push("transferred").put("conversationId", c.id())
              .put("toAgent", new JsonObject().put("id", target.id()).put("name", target.name())));
          announceAssigned(moved, sender, note);
          return agents.releaseSlot(from.id())
              .compose(v -> assignQueued(c.siteKey()))
              .map(v -> new JsonObject().put("conversation", Json.conversation(moved)));
        });
      });
    });
  }

  /**
   * An agent picks a particular queued chat out of the queue (out of turn), using one of its own
   * free slots; refused when the agent has no room or the chat is no longer waiting.
   */
  public Future<Conversation> take(Identity agent, Conversation c) {
    if (c.status() != ConversationStatus.QUEUED) {
      return Future.failedFuture(Failure.conflict("not_queued", "this chat is no longer waiting"));
    }
    Instant now = clock.instant();
    return handOver(agents.claimSlotOf(agent.id(), c.siteKey(), now), c.id(), now).compose(h -> {
      if (h.agent() == null) {
        return Future.failedFuture(Failure.conflict("no_capacity", "go online with a free chat slot to take a chat"));
      }
      if (h.assigned() == null) {
        return Future.failedFuture(Failure.conflict("not_queued", "this chat is no longer waiting"));
      }
      return announceQueue(c.siteKey()).map(v -> h.assigned());
    });
  }

  /**
   * Hands every active chat of an agent who can no longer work (disabled) back to the queue,
   * ahead of newer arrivals, and assigns them to whoever has room.
   */
  public Future<Void> requeueChatsOf(String agentId, String siteKey) {
    return conversations.activeOfAgent(agentId).compose(active -> {
      Future<Void> chain = Future.succeededFuture();
      for (Conversation c : active) {
        chain = chain.compose(v -> conversations.requeue(c.id(), agentId)
            .compose(moved -> moved ? agents.releaseSlot(agentId) : Future.succeededFuture()));
      }
      return chain;
    }).compose(v -> assignQueued(siteKey));
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
          return assignQueued(a.siteKey()).compose(v -> agents.find(a.id()));
        });
  }
}
