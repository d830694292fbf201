package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.Conversation;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.TransferReason;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.OfferAccepted;
import org.plauder.event.DomainEvent.OfferDismissed;
import org.plauder.event.DomainEvent.OfferShown;
import org.plauder.event.DomainEvent.OfferWithdrawn;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvent.VisitorLeft;
import org.plauder.event.DomainEvent.Waiting;
import org.plauder.event.DomainEvents;
import org.plauder.offer.Offer;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.plauder.protocol.QueueCardJson;
import org.plauder.conversation.QueueCard;
import org.plauder.store.Agents;

/**
 * Turns domain events into the push frames of the wire contract (docs/protocol.md) on the
 * visitors' and agents' inboxes. It listens on the node that emitted an event; the inbox
 * publish then reaches the browser's socket on whichever node holds it.
 */
public final class InboxPushes extends VerticleBase {

  /** How many waiting chats, from the head of the line, a {@code queue} push shows an agent. */
  public static final int QUEUE_ROWS = 25;

  private final DomainEvents events;
  private final Inboxes inboxes;
  private final Agents agents;
  private final org.plauder.event.CachedReads<String, org.plauder.agent.Agent> agentCache;

  public InboxPushes(DomainEvents events, Inboxes inboxes, Agents agents,
      org.plauder.event.CachedReads<String, org.plauder.agent.Agent> agentCache) {
    this.events = events;
    this.inboxes = inboxes;
    this.agents = agents;
    this.agentCache = agentCache;
  }

  @Override
  public Future<?> start() {
    return Future.all(
        events.on(MessageAppended.class, this::message),
        events.on(ChatAssigned.class, e -> assigned(e.conversation(), Json.push("assigned"))),
        events.on(ChatTransferred.class, this::transferred),
        events.on(ChatClosed.class, this::closed),
        events.on(QueueChanged.class, this::queue),
        events.on(OfferShown.class, e -> inboxes.toVisitor(e.visitorId(), Json.push("offer").put("offer", Json.offer(e.offer())))),
        events.on(OfferAccepted.class, e -> offerClosed(e.visitorId(), e.offer())),
        events.on(OfferDismissed.class, e -> offerClosed(e.visitorId(), e.offer())),
        events.on(OfferWithdrawn.class, e -> offerClosed(e.visitorId(), e.offer())),
        events.on(VisitorLeft.class, this::visitorLeft),
        // the agent's own tabs learn a status they did not set themselves (auto-away, or set away after a lost connection)
        events.on(AgentStatusChanged.class, e -> inboxes.toAgent(e.agentId(), Json.push("status").put("status", e.status().wire()))));
  }

  private void message(MessageAppended e) {
    JsonObject frame = Json.push("message").put("message", Json.message(e.message()));
    inboxes.toVisitor(e.visitorId(), frame);
    inboxes.toAgent(e.agentId(), frame);
  }

  /** The visitor learns who it talks to (name and picture); the agent gets the whole conversation (and, after a transfer, from whom). */
  private void assigned(Conversation c, JsonObject toAgent) {
    AgentFaces.conversation(agentCache, c)
        .onSuccess(visible -> inboxes.toVisitor(c.visitorId(), Json.push("assigned").put("conversation", visible)));
    inboxes.toAgent(c.agentId(), toAgent.put("conversation", Json.conversation(c)));
  }

  private void transferred(ChatTransferred e) {
    String reason = switch (e.reason()) {
      case NO_REPLY -> "noReply";
      case AGENT_LOST -> "agentLost";
      case TAKEN_OVER -> "takenOver";
      case BY_AGENT -> "agent";
    };
    inboxes.toAgent(e.fromAgentId(), Json.push("transferred").put("conversationId", e.conversation().id())
        .put("toAgent", new JsonObject().put("id", e.conversation().agentId()).put("name", e.conversation().agentName()))
        .put("reason", reason));
    assigned(e.conversation(), Json.push("assigned")
        .put("transferredFrom", new JsonObject().put("id", e.fromAgentId()).put("name", e.fromAgentName()))
        .put("note", e.note())
        .put("reason", reason));
  }

  private void closed(ChatClosed e) {
    JsonObject frame = Json.push("closed").put("conversationId", e.conversationId()).put("closedBy", e.closedBy());
    inboxes.toVisitor(e.visitorId(), frame);
    inboxes.toAgent(e.agentId(), frame);
  }

  /**
   * Every waiting visitor hears its position; every agent on duty sees the head of the line and how
   * many wait. The whole line of a long queue, to every agent four times a second, was most of
   * what a busy site's server encoded and its dashboards parsed.
   */
  private void queue(QueueChanged e) {
    JsonArray waiting = new JsonArray();
    for (Waiting w : e.waiting()) {
      inboxes.toVisitor(w.visitorId(), Json.push("queued")
          .put("conversationId", w.conversationId())
          .put("position", w.position())
          .put("estimatedWaitSeconds", w.estimatedWaitSeconds())
          .put("agentsOnline", e.agentsOnline()));
      if (waiting.size() == QUEUE_ROWS) {
        continue;
      }
      waiting.add(QueueCardJson.withCard(new JsonObject()
          .put("conversationId", w.conversationId())
          .put("visitorName", w.visitorName())
          .put("waitingSince", Json.time(w.waitingSince()))
          .put("language", w.needs() == null ? null : w.needs().language())
          .put("topic", w.needs() == null ? null : w.needs().skill()), QueueCard.orNone(w.card())));
    }
    JsonObject frame = Json.push("queue").put("waiting", waiting).put("total", e.waiting().size());
    e.agentsOnDuty().forEach(agentId -> inboxes.toAgent(agentId, frame));
  }

  /** Tells every tab of the visitor that this offer is answered or gone, so none keeps showing it. */
  private void offerClosed(String visitorId, Offer offer) {
    inboxes.toVisitor(visitorId, Json.push("offerClosed").put("offerId", offer.id()));
  }

  private void visitorLeft(VisitorLeft e) {
    JsonObject frame = Json.push("visitorLeft").put("visitorId", e.visitorId());
    agents.ofSite(e.siteKey()).onSuccess(list -> list.stream()
        .filter(a -> a.status() != AgentStatus.OFFLINE && !a.disabled())
        .forEach(a -> inboxes.toAgent(a.id(), frame)));
  }
}
