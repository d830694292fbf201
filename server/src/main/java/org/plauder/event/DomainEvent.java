package org.plauder.event;

import java.time.Instant;
import java.util.List;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.Note;
import org.plauder.conversation.QueueCard;
import org.plauder.conversation.RoutingStep.Candidate;
import org.plauder.conversation.Whisper;
import org.plauder.help.Article;
import org.plauder.offer.Offer;

/**
 * Something that happened in the core, told after the durable state is written. The core
 * announces these and does not know who listens: pushes to browsers, offer planning, and every
 * feature to come (timers, bots, webhooks, metrics, audit) are listeners. docs/architecture.md
 * lists who emits each event.
 */
public sealed interface DomainEvent {

  /** The site (tenant) the event belongs to; listeners never act across sites. */
  String siteKey();

  /** A visitor opened a conversation: a live chat request, or a message left while nobody was online. */
  record ChatRequested(String siteKey, String conversationId, String visitorId, String visitorName,
      String visitorEmail, boolean offline) implements DomainEvent {}

  /** A conversation entered its site's queue: new, or handed back by an agent who can no longer work. */
  record ChatQueued(String siteKey, String conversationId, String visitorId, QueueReason reason, String fromAgentId,
      String fromAgentName) implements DomainEvent {

    /** A chat queued without an agent it came from (a new one, or one whose agent was disabled). */
    public ChatQueued(String siteKey, String conversationId, String visitorId, QueueReason reason) {
      this(siteKey, conversationId, visitorId, reason, null, null);
    }
  }

  /**
   * Why a conversation is waiting in the queue; {@code BOT_HANDOVER}: a held chat whose visitor asked
   * for a person; {@code AGENT_LOST}: its agent's dashboard was gone for the grace period and no
   * colleague had room, so it waits at its old place, near the head; {@code WOKEN}: a parked e-mail
 * conversation opened again (the customer wrote, or its snooze ended) while its agent had no room;
   * {@code AGENT_LEFT}: like {@code AGENT_LOST}, its agent went away or offline and handed its chats over
   * ({@code DeskLeaving}).
   */
  enum QueueReason { NEW, AGENT_DISABLED, BOT_HANDOVER, AGENT_LOST, WOKEN, AGENT_LEFT }

  /**
   * A new chat is held out of the queue because the FAQ bot answers it first; {@code question} is
   * its first message as stored. The chat joins the queue when it is handed over (a
   * {@code ChatQueued} with reason {@code BOT_HANDOVER}), or closes settled by the bot's answer.
   */
  record ChatHeld(String siteKey, String conversationId, String visitorId, ChatMessage question) implements DomainEvent {}

  /**
   * The site's waiting line changed: everyone in it with position and wait estimate, whether any
   * agent is online at all, and the agents on duty (not offline) who watch the queue.
   */
  record QueueChanged(String siteKey, List<Waiting> waiting, boolean agentsOnline, List<String> agentsOnDuty)
      implements DomainEvent {
    public QueueChanged {
      waiting = List.copyOf(waiting);
      agentsOnDuty = List.copyOf(agentsOnDuty);
    }
  }

  /** One conversation in a site's queue, 1-based position, with the language and topic's skill it asks for and its card. */
  record Waiting(String conversationId, String visitorId, String visitorName, Instant waitingSince, int position,
      Long estimatedWaitSeconds, ChatNeeds needs, QueueCard card) {

    /** One without a card (the visitor has not written yet). */
    public Waiting(String conversationId, String visitorId, String visitorName, Instant waitingSince, int position,
        Long estimatedWaitSeconds, ChatNeeds needs) {
      this(conversationId, visitorId, visitorName, waitingSince, position, estimatedWaitSeconds, needs, QueueCard.NONE);
    }
  }

  /**
   * A queued conversation went to an agent (the conversation as it is now, with its agent), why,
   * and the agents routing considered, with their load and free slots as it saw them.
   */
  record ChatAssigned(String siteKey, Conversation conversation, AssignReason reason, List<Candidate> candidates)
      implements DomainEvent {}

  /** Why an agent got a chat. */
  enum AssignReason {
    /** The routing policy chose it: online with room, lowest load, longest since its last assignment. */
    LOWEST_LOAD,
    /** The visitor accepted this agent's invitation and the agent had room. */
    INVITATION,
    /** The agent took the chat out of the queue itself. */
    TAKEN,
    /** A returning visitor got the agent of its previous chat, who had room. */
    STICKY,
    /** Only agents who speak the chat's language and have its topic's skill were considered. */
    SKILL,
    /** The chat asked for a language or skill, and waited past its match-only time (or nobody online matched): anyone with room. */
    FALLBACK
  }

  /** An active chat moved from one agent to another; {@code conversation} is as it is now. */
  record ChatTransferred(String siteKey, Conversation conversation, String fromAgentId, String fromAgentName,
      String note, TransferReason reason, List<Candidate> candidates) implements DomainEvent {}

  /** Why an active chat moved to another agent. */
  enum TransferReason {
    /** Its agent handed it over (perhaps with a note). */
    BY_AGENT,
    /** Its agent had not answered within the site's reply time: routing gave it to a colleague with room. */
    NO_REPLY,
    /** Its agent's dashboard was gone (no socket) for the site's grace period: routing gave it to a colleague with room. */
    AGENT_LOST,
    /** An admin or supervisor took the chat over from its agent. */
    TAKEN_OVER
  }

  /** An agent, admin or supervisor whispered in a chat; {@code agentId} is the chat's agent. Never for the visitor. */
  record WhisperAdded(String siteKey, String agentId, Whisper whisper) implements DomainEvent {}

  /** A message was stored with its seq; the sender kind is {@code message.sender()}. */
  record MessageAppended(String siteKey, String visitorId, String agentId, ChatMessage message) implements DomainEvent {}

  /** An open conversation was closed; {@code agentId} is null when it was still queued. */
  record ChatClosed(String siteKey, String conversationId, String visitorId, String agentId, String closedBy,
      boolean wasActive) implements DomainEvent {}

  /** The visitor rated a conversation (1 to 5). */
  record ChatRated(String siteKey, String conversationId, String agentId, int rating) implements DomainEvent {}

  /**
   * An agent's status, chat limit or account changed (the values after the change); a disabled
   * agent is cut off on every node at once.
   */
  record AgentStatusChanged(String siteKey, String agentId, AgentStatus status, int maxChats, boolean disabled)
      implements DomainEvent {}

  /** A site's settings or its offer rules changed; nodes forget what they cached of it. */
  record SiteChanged(String siteKey) implements DomainEvent {}

  /** A visitor came online (first tab; {@code url} null) or opened a page. */
  record VisitorSeen(String siteKey, String visitorId, String url) implements DomainEvent {}

  /** A visitor's last tab closed and the grace period for page changes passed. */
  record VisitorLeft(String siteKey, String visitorId) implements DomainEvent {}

  /** A visitor was offered help: by a rule, or by an agent's invitation. */
  record OfferShown(String siteKey, String visitorId, Offer offer) implements DomainEvent {}

  /** The visitor accepted the offer; a chat request follows. */
  record OfferAccepted(String siteKey, String visitorId, Offer offer) implements DomainEvent {}

  /** The visitor dismissed the offer. */
  record OfferDismissed(String siteKey, String visitorId, Offer offer) implements DomainEvent {}

  /** The offer was taken away unanswered because the visitor started a chat on its own. */
  record OfferWithdrawn(String siteKey, String visitorId, Offer offer) implements DomainEvent {}

  /** A help article was written, changed, published or taken back to draft; {@code article} is as stored now. */
  record ArticleChanged(String siteKey, Article article) implements DomainEvent {}

  /** A help article was deleted. */
  record ArticleDeleted(String siteKey, String articleId) implements DomainEvent {}

  /**
   * An e-mail conversation's work status changed: parked by its agent (pending, snoozed until
   * {@code snoozedUntil}), opened again, or woken by the customer or the end of its snooze;
   * {@code conversation} is as it is now (queued when woken while its agent had no room), and
   * {@code agentId} the agent it was with before.
   */
  record ConversationStatusChanged(String siteKey, Conversation conversation, String agentId,
      org.plauder.conversation.ConversationStatus from, java.time.Instant snoozedUntil, StatusReason reason) implements DomainEvent {}

  /** Why an e-mail conversation's work status changed. */
  enum StatusReason { BY_AGENT, CUSTOMER_WROTE, SNOOZE_ENDED }

  /** An agent changed its display name or picture ({@code AgentProfiles}); nodes read the agent again. */
  record AgentProfileChanged(String siteKey, String agentId) implements DomainEvent {}

  /** An agent added or removed a tag of a conversation: its tags now. For the site's agents only, never a visitor. */
  record TagsChanged(String siteKey, String conversationId, List<String> tags) implements DomainEvent {}

  /** An agent wrote an internal note on a conversation. For the site's agents only, never a visitor. */
  record NoteAdded(String siteKey, Note note) implements DomainEvent {}

  /**
   * An agent went away or offline from its dashboard ({@code DeskLeaving}) and chose what became of its
   * chats; {@code keptChats}: how many it kept (they stay with it, and nobody new comes to it).
   */
  record AgentLeft(String siteKey, String agentId, String agentName, int keptChats) implements DomainEvent {}
}
