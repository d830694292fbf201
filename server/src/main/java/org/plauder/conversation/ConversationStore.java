package org.plauder.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The conversations that routing reads and moves between states. Every state change is one
 * conditional update that answers null (or false) when the conversation was no longer in the
 * state it expects, so concurrent changes on several nodes never both win. Implemented over
 * MongoDB by {@code store.Conversations}; in memory in the routing unit tests.
 */
public interface ConversationStore {

  /** The next number of the site's queue: conversations wait in ticket order. */
  Future<Long> nextQueueTicket(String siteKey);

  /**
   * Opens a queued chat for the visitor with this queue ticket; null when the visitor has an open
   * chat already (two tabs asked at once, or two nodes): a visitor never has two.
   */
  default Future<Conversation> openQueued(String siteKey, String visitorId, long queueTicket, String visitorName,
      String visitorEmail, ChatNeeds needs, Instant now) {
    return openQueued(siteKey, visitorId, queueTicket, visitorName, visitorEmail, needs, now, Conversation.CHAT);
  }

  /** As above, a conversation of this {@link Conversation#channel}, known to its queue entry: routing claims its slot by it. */
  Future<Conversation> openQueued(String siteKey, String visitorId, long queueTicket, String visitorName,
      String visitorEmail, ChatNeeds needs, Instant now, String channel);

  /**
   * Stores the conversation of a message left while nobody was online, once per visitor and
   * clientMsgId: a resend of the same message gets the conversation stored the first time.
   */
  Future<Conversation> insertLeftMessage(String siteKey, String visitorId, String clientMsgId, String visitorName,
      String visitorEmail, Instant now);

  Future<Conversation> find(String id);

  /** The visitor's queued or active conversation, or null. */
  Future<Conversation> findOpenOfVisitor(String visitorId);

  /** The site's queued conversations in ticket order. */
  Future<List<Conversation>> queuedOfSite(String siteKey);

  /**
   * The first {@code limit} chats of the site's queue, in ticket order, read from the queue's own
   * entries alone (no conversation is read): what positions, announcements and the drain need.
   */
  Future<List<QueuedChat>> queueHeads(String siteKey, int limit);

  Future<List<Conversation>> activeOfAgent(String agentId);

  /** What one agent holds: its active live chats and its active e-mail conversations. */
  record Holding(int chats, int emails) {
    /** One active conversation of this channel. */
    public static Holding of(String channel) {
      return Conversation.EMAIL.equals(channel) ? new Holding(0, 1) : new Holding(1, 0);
    }

    public Holding plus(Holding other) {
      return new Holding(chats + other.chats, emails + other.emails);
    }
  }

  /** What each agent holds now, by agent id (agents with nothing active left out). */
  Future<Map<String, Holding>> activeByAgent();

  /** Queued → active with this agent; null when the conversation was no longer queued. */
  Future<Conversation> activate(String id, String agentId, String agentName, Instant now);

  /**
   * Active with {@code fromAgent} → active with {@code toAgent}; with {@code unansweredOnly} only
   * while no agent has answered yet. Null when that no longer holds.
   */
  Future<Conversation> reassign(String id, String fromAgent, String toAgent, String toAgentName, boolean unansweredOnly);

  /** Active with {@code agentId} → queued again, keeping its ticket; false when that no longer holds. */
  Future<Boolean> requeue(String id, String agentId);

  /** Queued or active → closed; the conversation as it was before, or null when it was not open. */
  Future<Conversation> close(String id, String closedBy, Instant now);
}
