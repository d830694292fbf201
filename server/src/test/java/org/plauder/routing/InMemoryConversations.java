package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.HeldChatStore;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.SlotKind;

/**
 * Conversations held in a map, for unit tests of routing; each state change checks the state it
 * expects, as the store does. Only a queued chat with a queue entry waits in the queue, as in the store: a held
 * chat (ticket 0), a settled one (-1) and a new chat not yet enqueued have none.
 */
class InMemoryConversations implements ConversationStore, HeldChatStore {

  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  /** The chats with a queue entry, as the store's queue collection holds them: entries of chats no longer waiting included. */
  private final Set<String> entries = new HashSet<>();
  private int entriesWritten;
  private long nextTicket;
  private int nextId;

  Conversation get(String id) {
    return conversations.get(id);
  }

  @Override
  public Future<Long> nextQueueTicket(String siteKey) {
    return Future.succeededFuture(++nextTicket);
  }

  @Override
  public Future<Conversation> openQueued(String siteKey, String visitorId, long queueTicket, String visitorName,
      String visitorEmail, ChatNeeds needs, Instant now, String channel, boolean listed) {
    boolean hasOpen = conversations.values().stream().anyMatch(c -> c.visitorId().equals(visitorId) && c.isOpen());
    return hasOpen ? Future.succeededFuture(null)
        : insert(siteKey, visitorId, ConversationStatus.QUEUED, queueTicket, visitorName, visitorEmail, needs, now, channel)
            .compose(c -> listed ? enqueue(c).map(c) : Future.succeededFuture(c));
  }

  @Override
  public Future<Void> enqueue(Conversation c) {
    if (c.queueTicket() > 0) {
      entries.add(c.id());
      entriesWritten++;
    }
    return Future.succeededFuture();
  }

  /** Whether the chat has a queue entry now. */
  boolean listed(String id) {
    return entries.contains(id);
  }

  /** How many queue entries were written so far. */
  int entriesWritten() {
    return entriesWritten;
  }

  Future<Conversation> insert(String siteKey, String visitorId, ConversationStatus status, long queueTicket,
      String visitorName, String visitorEmail, ChatNeeds needs, Instant now) {
    return insert(siteKey, visitorId, status, queueTicket, visitorName, visitorEmail, needs, now, Conversation.CHAT);
  }

  private Future<Conversation> insert(String siteKey, String visitorId, ConversationStatus status, long queueTicket,
      String visitorName, String visitorEmail, ChatNeeds needs, Instant now, String channel) {
    String id = "c" + (++nextId);
    return Future.succeededFuture(put(new Conversation(id, siteKey, visitorId, null, null, status, queueTicket, now, null, null,
        null, null, 0, null, visitorName, visitorEmail, needs, channel)));
  }

  @Override
  public Future<Conversation> openHeld(String siteKey, String visitorId, String visitorName, String visitorEmail, Instant now) {
    return openQueued(siteKey, visitorId, 0, visitorName, visitorEmail, ChatNeeds.NONE, now);
  }

  @Override
  public Future<Conversation> takeHold(String id, long queueTicket, boolean enqueue) {
    Conversation c = conversations.get(id);
    if (c == null || !c.isHeld()) {
      return Future.succeededFuture(null);
    }
    Conversation taken = put(new Conversation(c.id(), c.siteKey(), c.visitorId(), null, null, c.status(), queueTicket,
        c.createdAt(), null, null, null, null, c.lastSeq(), null, c.visitorName(), c.visitorEmail()));
    return (enqueue ? enqueue(taken) : Future.<Void>succeededFuture()).map(taken);
  }

  @Override
  public Future<Conversation> insertLeftMessage(String siteKey, String visitorId, String clientMsgId, String visitorName,
      String visitorEmail, Instant now) {
    String id = "left-" + visitorId + "-" + clientMsgId;
    return Future.succeededFuture(conversations.computeIfAbsent(id, k -> new Conversation(id, siteKey, visitorId, null, null,
        ConversationStatus.OFFLINE, 0, now, null, null, null, null, 0, null, visitorName, visitorEmail)));
  }

  @Override
  public Future<Conversation> find(String id) {
    return Future.succeededFuture(conversations.get(id));
  }

  @Override
  public Future<Conversation> findOpenOfVisitor(String visitorId) {
    return Future.succeededFuture(conversations.values().stream()
        .filter(c -> c.visitorId().equals(visitorId) && c.isOpen()).findFirst().orElse(null));
  }

  @Override
  public Future<List<Conversation>> queuedOfSite(String siteKey) {
    return Future.succeededFuture(conversations.values().stream()
        .filter(c -> c.siteKey().equals(siteKey) && c.status() == ConversationStatus.QUEUED && entries.contains(c.id()))
        .sorted(Comparator.comparingLong(Conversation::queueTicket)).toList());
  }

  @Override
  public Future<List<QueuedChat>> queueHeads(String siteKey, int limit) {
    return queuedOfSite(siteKey).map(queue -> queue.subList(0, Math.min(limit, queue.size())).stream()
        .map(c -> new QueuedChat(c.id(), c.visitorId(), c.visitorName(), c.createdAt(), c.needs(), null, c.channel())).toList());
  }

  @Override
  public Future<List<Conversation>> activeOfAgent(String agentId) {
    return Future.succeededFuture(conversations.values().stream()
        .filter(c -> agentId.equals(c.agentId()) && c.status() == ConversationStatus.ACTIVE).toList());
  }

  @Override
  public Future<Map<String, Holding>> activeByAgent() {
    Map<String, Holding> counts = new LinkedHashMap<>();
    conversations.values().stream().filter(c -> c.status() == ConversationStatus.ACTIVE)
        .forEach(c -> counts.merge(c.agentId(), Holding.of(c.channel(), c.slot()), Holding::plus));
    return Future.succeededFuture(counts);
  }

  @Override
  public Future<Conversation> activate(String id, String agentId, String agentName, SlotKind slot, Instant now, boolean listed) {
    Conversation c = conversations.get(id);
    if (listed) {
      entries.remove(id);
    }
    if (c == null || c.status() != ConversationStatus.QUEUED) {
      return Future.succeededFuture(null);
    }
    return Future.succeededFuture(put(with(c, ConversationStatus.ACTIVE, agentId, agentName, slot, now, null, null)));
  }

  @Override
  public Future<Conversation> reassign(Conversation read, String toAgent, String toAgentName, SlotKind slot, boolean unansweredOnly) {
    Conversation c = conversations.get(read.id());
    if (c == null || c.status() != ConversationStatus.ACTIVE || !read.agentId().equals(c.agentId()) || read.slot() != c.slot()
        || (unansweredOnly && c.firstAgentReplyAt() != null)) {
      return Future.succeededFuture(null);
    }
    return Future.succeededFuture(put(with(c, ConversationStatus.ACTIVE, toAgent, toAgentName, slot, c.assignedAt(), null, null)));
  }

  @Override
  public Future<Conversation> requeue(String id, String agentId) {
    Conversation c = conversations.get(id);
    if (c == null || c.status() != ConversationStatus.ACTIVE || !agentId.equals(c.agentId())) {
      return Future.succeededFuture(null);
    }
    return enqueue(put(with(c, ConversationStatus.QUEUED, null, null, c.slot(), null, null, null))).map(v -> conversations.get(id));
  }

  @Override
  public Future<Conversation> close(String id, String closedBy, Instant now) {
    Conversation c = conversations.get(id);
    if (c == null || !c.isOpen()) {
      return Future.succeededFuture(null);
    }
    put(with(c, ConversationStatus.CLOSED, c.agentId(), c.agentName(), c.slot(), c.assignedAt(), now, closedBy));
    entries.remove(id);
    return Future.succeededFuture(c);
  }

  private static Conversation with(Conversation c, ConversationStatus status, String agentId, String agentName, SlotKind slot,
      Instant assignedAt, Instant closedAt, String closedBy) {
    return new Conversation(c.id(), c.siteKey(), c.visitorId(), agentId, agentName, status, c.queueTicket(), c.createdAt(),
        assignedAt, c.firstAgentReplyAt(), closedAt, closedBy, c.lastSeq(), c.rating(), c.visitorName(), c.visitorEmail(), c.needs(),
        c.channel(), slot, c.follows());
  }

  private Conversation put(Conversation c) {
    conversations.put(c.id(), c);
    return c;
  }
}
