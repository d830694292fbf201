package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.QueuedChat;
import org.plauder.event.DomainEvent;
import org.plauder.event.DomainEvent.ChatAssigned;

/** Draining a queue in batches, on in-memory agents and conversations: order, limits, and what others do meanwhile. */
class QueueDrainTest {

  private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

  private final MovableClock clock = new MovableClock(T);
  private final List<DomainEvent> events = new ArrayList<>();

  private static <T> T done(Future<T> future) {
    assertTrue(future.succeeded(), () -> "failed: " + future.cause());
    return future.result();
  }

  private static List<Conversation> enqueue(InMemoryConversations conversations, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> done(conversations.openQueued("demo", "v" + i, i, null, null, ChatNeeds.NONE, T))).toList();
  }

  private QueueDrain drainOver(InMemoryAgents agents, InMemoryConversations conversations) {
    return new QueueDrain(agents, conversations, AssignmentPolicy.lowestLoad(), events::add, clock);
  }

  private List<String> assignedIds() {
    return events.stream().filter(ChatAssigned.class::isInstance).map(e -> ((ChatAssigned) e).conversation().id()).toList();
  }

  @Test
  void aLongQueueIsAssignedInRoundsUntilTheRoomIsUsedAndNobodyGoesOverTheLimit() {
    InMemoryAgents agents = new InMemoryAgents();
    InMemoryConversations conversations = new InMemoryConversations();
    IntStream.rangeClosed(1, 60).forEach(i -> agents.add("a" + i, AgentStatus.ONLINE, 4, 0, null));
    List<Conversation> queued = enqueue(conversations, 3 * QueueDrain.BATCH);

    done(drainOver(agents, conversations).drain("demo", new HashMap<>()));

    // 240 slots for 300 chats: the first 240 by ticket are assigned, the last 60 still wait.
    List<String> firstByTicket = queued.subList(0, 240).stream().map(Conversation::id).sorted().toList();
    assertEquals(firstByTicket, assignedIds().stream().sorted().toList());
    queued.subList(240, 300).forEach(c -> assertEquals(ConversationStatus.QUEUED, conversations.get(c.id()).status()));
    for (int i = 1; i <= 60; i++) {
      Agent a = agents.get("a" + i);
      assertEquals(4, a.load(), a.id() + " has its 4 chats, no more");
      String id = a.id();
      assertEquals(4, queued.stream().filter(c -> id.equals(conversations.get(c.id()).agentId())).count());
    }
  }

  @Test
  void chatsGoToTheLeastLoadedAgentsFirst() {
    InMemoryAgents agents = new InMemoryAgents();
    InMemoryConversations conversations = new InMemoryConversations();
    agents.add("busy", AgentStatus.ONLINE, 5, 4, null);
    agents.add("idle", AgentStatus.ONLINE, 5, 0, null);
    agents.add("away", AgentStatus.AWAY, 5, 0, null);
    enqueue(conversations, 4);

    done(drainOver(agents, conversations).drain("demo", new HashMap<>()));

    Map<String, Long> byAgent = events.stream().filter(ChatAssigned.class::isInstance)
        .collect(Collectors.groupingBy(e -> ((ChatAssigned) e).conversation().agentId(), Collectors.counting()));
    assertEquals(Map.of("idle", 4L), byAgent, "the idle agent takes all four before the busy one (load 4) gets any");
    assertEquals(0, agents.get("away").load());
  }

  @Test
  void aSlotClaimedForAChatThatSomeoneElseTookGoesToTheNextWaitingChat() {
    InMemoryAgents agents = new InMemoryAgents();
    agents.add("anna", AgentStatus.ONLINE, 2, 0, null);
    // Another node closes the head of the queue between this node's read and its hand-over.
    InMemoryConversations conversations = new InMemoryConversations() {
      private boolean closedOnce;

      @Override
      public Future<List<QueuedChat>> queueHeads(String siteKey, int limit) {
        return super.queueHeads(siteKey, limit).map(heads -> {
          if (!closedOnce && !heads.isEmpty()) {
            closedOnce = true;
            close(heads.get(0).conversationId(), "visitor", T);
          }
          return heads;
        });
      }
    };
    List<Conversation> queued = enqueue(conversations, 3);

    done(drainOver(agents, conversations).drain("demo", new HashMap<>()));

    assertEquals(ConversationStatus.CLOSED, conversations.get(queued.get(0).id()).status());
    assertEquals("anna", conversations.get(queued.get(1).id()).agentId());
    assertEquals("anna", conversations.get(queued.get(2).id()).agentId());
    assertEquals(2, agents.get("anna").load(), "the slot given back was used, and counted once");
  }

  @Test
  void whenAnotherNodeTakesTheRoomFirstTheClaimsThatFindNoneLeaveTheChatsWaiting() {
    // The site's agents are read with two free slots; another node fills one before the claims.
    InMemoryAgents agents = new InMemoryAgents() {
      @Override
      public Future<List<Agent>> ofSite(String siteKey) {
        return super.ofSite(siteKey).map(seen -> {
          claimSlot(siteKey, new AgentSelection(AgentStatus.ONLINE, true, 1, List.of()), T);
          return seen;
        });
      }
    };
    agents.add("anna", AgentStatus.ONLINE, 2, 0, null);
    InMemoryConversations conversations = new InMemoryConversations();
    List<Conversation> queued = enqueue(conversations, 2);

    done(drainOver(agents, conversations).drain("demo", new HashMap<>()));

    assertEquals("anna", conversations.get(queued.get(0).id()).agentId(), "the head gets the slot that was left");
    assertNull(conversations.get(queued.get(1).id()).agentId());
    assertEquals(ConversationStatus.QUEUED, conversations.get(queued.get(1).id()).status());
    assertEquals(2, agents.get("anna").load());
  }
}
