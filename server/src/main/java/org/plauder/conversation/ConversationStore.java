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
  default Future<Conversation> openQueued(String siteKey, String visitorId, long queueTicket, String visitorName,
      String visitorEmail, ChatNeeds needs, Instant now, String channel) {
    return openQueued(siteKey, visitorId, queueTicket, visitorName, visitorEmail, needs, now, channel, true);
  }

  /**
   * As above; {@code listed} false: without its queue entry yet. Routing first tries to give a new
   * chat to an agent at once and writes the entry ({@link #enqueue}) only when the chat has to wait,
   * so a chat assigned at once never had one. Its ticket is stored with it: a start-up gives a chat
   * caught in between its entry, as it does every queued chat's.
   */
  Future<Conversation> openQueued(String siteKey, String visitorId, long queueTicket, String visitorName,
      String visitorEmail, ChatNeeds needs, Instant now, String channel, boolean listed);

  /** Writes the queue entry of a chat opened without one, at its ticket's place: from now on it waits in the queue. */
  Future<Void> enqueue(Conversation c);

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

  /**
   * What one agent holds: the active conversations that took a chat slot, those that took an e-mail
   * slot, and e-mails stored before slots were written down ({@code unmarkedEmails}), whose slot
   * the site's setting says.
   */
  record Holding(int chatSlots, int emailSlots, int unmarkedEmails) {
    public static final Holding NONE = new Holding(0, 0, 0);

    /** One active conversation of this channel with the slot written on it (null: none written). */
    public static Holding of(String channel, SlotKind slot) {
      if (slot == null && Conversation.EMAIL.equals(channel)) {
        return new Holding(0, 0, 1);
      }
      return slot == SlotKind.EMAIL ? new Holding(0, 1, 0) : new Holding(1, 0, 0);
    }

    public Holding plus(Holding other) {
      return new Holding(chatSlots + other.chatSlots, emailSlots + other.emailSlots, unmarkedEmails + other.unmarkedEmails);
    }

    /** How many chat slots these take, on a site whose e-mails have slots of their own or not. */
    public int chatSlotsTaken(boolean emailsHaveOwnSlots) {
      return chatSlots + (emailsHaveOwnSlots ? 0 : unmarkedEmails);
    }

    /** How many e-mail slots of their own these take, on a site whose e-mails have them or not. */
    public int emailSlotsTaken(boolean emailsHaveOwnSlots) {
      return emailSlots + (emailsHaveOwnSlots ? unmarkedEmails : 0);
    }
  }

  /** What each agent holds now, by agent id (agents with nothing active left out). */
  Future<Map<String, Holding>> activeByAgent();

  /** Queued → active with this agent, in the {@code slot} claimed for it; null when the conversation was no longer queued. */
  default Future<Conversation> activate(String id, String agentId, String agentName, SlotKind slot, Instant now) {
    return activate(id, agentId, agentName, slot, now, true);
  }

  /** As above; {@code listed}: whether the chat has a queue entry to remove (a new chat not yet {@link #enqueue enqueued} has none). */
  Future<Conversation> activate(String id, String agentId, String agentName, SlotKind slot, Instant now, boolean listed);

  /**
   * Active with {@code c}'s agent in {@code c}'s slot → active with {@code toAgent} in {@code slot};
   * with {@code unansweredOnly} only while no agent has answered yet. Null when that no longer
   * holds, so the slot given back for {@code c} is the one its agent held.
   */
  Future<Conversation> reassign(Conversation c, String toAgent, String toAgentName, SlotKind slot, boolean unansweredOnly);

  /**
   * Active with {@code agentId} → queued again, keeping its ticket; the conversation after, its slot
   * still the one its agent held (to give back); null when that no longer holds.
   */
  Future<Conversation> requeue(String id, String agentId);

  /** Queued or active → closed; the conversation as it was before, or null when it was not open. */
  Future<Conversation> close(String id, String closedBy, Instant now);
}
