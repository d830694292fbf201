package org.plauder.routing;

import io.vertx.core.Future;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.HeldChatStore;
import org.plauder.event.DomainEvent.ChatHeld;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatRequested;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.EventSink;
import org.plauder.routing.ChatRouter.FirstMessage;
import org.plauder.visitor.VisitorContacts;

/**
 * Where a new chat waits before it joins the queue while its {@link ChatHold} policy (the FAQ bot)
 * answers it. A held chat is stored and announced ({@code ChatRequested}, then {@code ChatHeld}),
 * but has no place in the queue; ending the hold either queues it like any new chat (hand-over) or
 * lets it be closed (settled). Ending it succeeds once, whichever tab or node asks first.
 */
public final class HoldingRoom {

  private final ChatHold policy;
  private final HeldChatStore held;
  private final ConversationStore conversations;
  private final VisitorContacts visitors;
  private final ChatLog chatLog;
  private final EventSink events;

  public HoldingRoom(ChatHold policy, HeldChatStore held, ConversationStore conversations, VisitorContacts visitors,
      ChatLog chatLog, EventSink events) {
    this.policy = policy;
    this.held = held;
    this.conversations = conversations;
    this.visitors = visitors;
    this.chatLog = chatLog;
    this.events = events;
  }

  /** Whether a new chat with this first message is held; a chat without one (or opened by an offer) never is. */
  Future<Boolean> holds(String siteKey, FirstMessage first, boolean opensWithOffer) {
    return first == null || opensWithOffer ? Future.succeededFuture(false) : policy.holds(siteKey, first.text());
  }

  /** Stores the held chat; null when the visitor has an open chat already. */
  Future<Conversation> open(Identity visitor, String name, String email, java.time.Instant now) {
    return held.openHeld(visitor.siteKey(), visitor.id(), name, email, now);
  }

  /** Announces the new held chat with its first message; true when card numbers in it were masked. */
  Future<Boolean> announce(Conversation c, String name, String email, FirstMessage first) {
    return visitors.setContact(c.visitorId(), name, email).compose(v -> {
      events.publish(new ChatRequested(c.siteKey(), c.id(), c.visitorId(), name, email, false));
      return chatLog.append(c, ChatMessage.Sender.VISITOR, c.visitorId(), name, first.text(), first.clientMsgId());
    }).map(question -> {
      events.publish(new ChatHeld(c.siteKey(), c.id(), c.visitorId(), question.message()));
      return question.masked();
    });
  }

  /** Puts a held chat at the end of the queue, announced as queued; null when it was not held. */
  Future<Conversation> release(Conversation c) {
    return conversations.nextQueueTicket(c.siteKey()).compose(ticket -> held.takeHold(c.id(), ticket, true)).map(released -> {
      if (released != null) {
        events.publish(new ChatQueued(released.siteKey(), released.id(), released.visitorId(), QueueReason.BOT_HANDOVER));
      }
      return released;
    });
  }

  /** Ends the hold of a chat that is about to be closed, never queued; null when it was not held. */
  Future<Conversation> settle(Conversation c) {
    return held.takeHold(c.id(), Conversation.SELF_SERVED_TICKET, false);
  }
}
