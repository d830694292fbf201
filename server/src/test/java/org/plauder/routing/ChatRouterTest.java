package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;
import org.plauder.agent.AgentStatus;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.event.DomainEvent;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.protocol.Failure;

/** The router's queue and hand-over rules, on in-memory agents and conversations: no server, no database. */
class ChatRouterTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(T);
  private final InMemoryAgents agents = new InMemoryAgents();
  private final InMemoryConversations conversations = new InMemoryConversations();
  private final List<DomainEvent> events = new ArrayList<>();
  private final List<ChatMessage> messages = new ArrayList<>();
  private final ChatLog chatLog = (c, sender, senderId, senderName, text, clientMsgId) -> {
    for (ChatMessage earlier : messages) {
      if (earlier.conversationId().equals(c.id()) && earlier.clientMsgId().equals(clientMsgId)) {
        return Future.succeededFuture(new ChatLog.Appended(earlier, true, false));
      }
    }
    long seq = messages.stream().filter(m -> m.conversationId().equals(c.id())).count() + 1;
    ChatMessage m = new ChatMessage(c.id(), seq, sender, senderId, senderName, text, clientMsgId, clock.instant());
    messages.add(m);
    return Future.succeededFuture(new ChatLog.Appended(m, false, false));
  };
  /** Each visitor's last agent, as the site's sticky rule would answer it. */
  private final java.util.Map<String, String> lastAgents = new java.util.HashMap<>();
  private final ChatRouter router = new ChatRouter(agents, conversations, (id, name, email) -> Future.succeededFuture(),
      chatLog, (siteKey, visitorId) -> Future.succeededFuture(lastAgents.get(visitorId)), AssignmentPolicy.lowestLoad(), new AssignmentRate(), (millis, task) -> task.run(), events::add, clock, null);

  private static <T> T done(Future<T> future) {
    assertTrue(future.succeeded(), () -> "failed: " + future.cause());
    return future.result();
  }

  private ChatState request(String visitorId) {
    clock.advance(Duration.ofSeconds(1));
    return done(router.requestChat(Identity.visitor(visitorId, "demo"), null, null, ChatNeeds.NONE, null, null));
  }

  private <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private QueueChanged lastQueue() {
    List<QueueChanged> queues = eventsOf(QueueChanged.class);
    return queues.get(queues.size() - 1);
  }

  @Test
  void aRequestWithNobodyOnlineIsOfflineAndOpensNothing() {
    agents.add("anna", AgentStatus.AWAY, 3, 0, null);
    ChatState state = request("v1");
    assertEquals(ConversationStatus.OFFLINE, state.status());
    assertNull(state.conversation());
    assertTrue(events.isEmpty());
  }

  @Test
  void aRequestGoesToTheAgentThePolicyChoosesAndSaysWhy() {
    agents.add("anna", AgentStatus.ONLINE, 3, 1, T.minusSeconds(600));
    agents.add("ben", AgentStatus.ONLINE, 3, 0, T.minusSeconds(60));
    ChatState state = request("v1");
    assertEquals(ConversationStatus.ACTIVE, state.status());
    assertEquals("ben", state.conversation().agentId());
    assertEquals(1, agents.get("ben").load());
    ChatAssigned assigned = eventsOf(ChatAssigned.class).get(0);
    assertEquals(AssignReason.LOWEST_LOAD, assigned.reason());
    assertEquals("ben", assigned.conversation().agentId());
    assertEquals(QueueReason.NEW, eventsOf(ChatQueued.class).get(0).reason());
  }

  @Test
  void whenEveryAgentIsFullChatsWaitInArrivalOrderWithTheirPositions() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    assertEquals(ConversationStatus.ACTIVE, request("v1").status());
    ChatState second = request("v2");
    ChatState third = request("v3");
    assertEquals(ConversationStatus.QUEUED, second.status());
    assertEquals(1, second.position());
    assertEquals(2, third.position());
    QueueChanged queue = lastQueue();
    assertEquals(List.of("v2", "v3"), queue.waiting().stream().map(DomainEvent.Waiting::visitorId).toList());
    assertEquals(List.of("anna"), queue.agentsOnDuty());
    assertTrue(queue.agentsOnline());
  }

  @Test
  void closingAnActiveChatHandsItsSlotToTheHeadOfTheQueue() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    Conversation first = request("v1").conversation();
    Conversation second = request("v2").conversation();
    request("v3");
    Conversation closed = done(router.close(first, "agent"));
    assertEquals(ConversationStatus.CLOSED, closed.status());
    assertEquals(ConversationStatus.ACTIVE, conversations.get(second.id()).status());
    assertEquals("anna", conversations.get(second.id()).agentId());
    assertEquals(1, agents.get("anna").load());
    assertEquals(List.of("v3"), lastQueue().waiting().stream().map(DomainEvent.Waiting::visitorId).toList());
    ChatClosed event = eventsOf(ChatClosed.class).get(0);
    assertEquals("anna", event.agentId());
    assertTrue(event.wasActive());
    // Closing again changes nothing and gives no slot away twice.
    done(router.close(first, "agent"));
    assertEquals(1, agents.get("anna").load());
    assertEquals(1, eventsOf(ChatClosed.class).size());
  }

  @Test
  void aVisitorWithAnOpenChatGetsThatChatWithItsFirstMessage() {
    agents.add("anna", AgentStatus.ONLINE, 2, 0, null);
    Conversation open = request("v1").conversation();
    ChatState again = done(router.requestChat(Identity.visitor("v1", "demo"), null, null, ChatNeeds.NONE,
        new ChatRouter.FirstMessage("Hallo?", "m-1"), null));
    assertEquals(open.id(), again.conversation().id());
    assertEquals(1, agents.get("anna").load());
    assertEquals("Hallo?", messages.get(0).text());
    assertEquals(open.id(), messages.get(0).conversationId());
  }

  @Test
  void anInvitedVisitorGoesToTheInvitingAgentEvenWhenAnotherHasLessLoad() {
    agents.add("anna", AgentStatus.ONLINE, 3, 2, T);
    agents.add("ben", AgentStatus.ONLINE, 3, 0, null);
    var opening = new ChatRouter.Opening("o1", "Kann ich helfen?", ChatMessage.Sender.AGENT, "anna", "Agent anna");
    ChatState state = done(router.requestChat(Identity.visitor("v1", "demo"), null, null, ChatNeeds.NONE, null, opening));
    assertEquals("anna", state.conversation().agentId());
    assertEquals(AssignReason.INVITATION, eventsOf(ChatAssigned.class).get(0).reason());
    assertEquals("Kann ich helfen?", messages.get(0).text());
    assertEquals(ChatMessage.Sender.AGENT, messages.get(0).sender());
  }

  @Test
  void takingAChatThatIsNoLongerWaitingGivesTheClaimedSlotBack() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    agents.add("ben", AgentStatus.AWAY, 2, 0, null);
    request("v1");
    Conversation waiting = request("v2").conversation();
    done(router.updateAgent(Identity.agent("ben", "demo", "agent"), AgentStatus.ONLINE, null)); // ben gets v2 at once
    assertEquals("ben", conversations.get(waiting.id()).agentId());
    Future<Conversation> late = router.take(Identity.agent("anna", "demo", "agent"), waiting); // anna's copy says "queued"
    assertEquals("no_capacity", assertInstanceOf(Failure.class, late.cause()).code());
    done(router.updateAgent(Identity.agent("anna", "demo", "agent"), null, 3));
    late = router.take(Identity.agent("anna", "demo", "agent"), waiting);
    assertEquals("not_queued", assertInstanceOf(Failure.class, late.cause()).code());
    assertEquals(1, agents.get("anna").load(), "the slot claimed for the lost race is given back");
  }

  @Test
  void anAgentWhoIsAwayIsToldSoWhenItTriesToTake() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    request("v1");
    Conversation waiting = request("v2").conversation();
    agents.add("ben", AgentStatus.AWAY, 2, 0, null);
    Future<Conversation> refused = router.take(Identity.agent("ben", "demo", "agent"), waiting);
    assertEquals("not_online", assertInstanceOf(Failure.class, refused.cause()).code());
    assertEquals(0, agents.get("ben").load());
  }

  @Test
  void anAgentTakesAChatOutOfTurnWithItsOwnFreeSlot() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    request("v1");
    request("v2");
    Conversation third = request("v3").conversation();
    agents.add("ben", AgentStatus.ONLINE, 1, 0, null);
    Conversation taken = done(router.take(Identity.agent("ben", "demo", "agent"), third));
    assertEquals("ben", taken.agentId());
    assertEquals(AssignReason.TAKEN, eventsOf(ChatAssigned.class).get(1).reason());
    assertEquals(List.of("v2"), lastQueue().waiting().stream().map(DomainEvent.Waiting::visitorId).toList());
  }

  @Test
  void aTransferMovesTheChatAndTheFreedSlotServesTheQueue() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    Conversation chat = request("v1").conversation();
    Conversation waiting = request("v2").conversation();
    agents.add("ben", AgentStatus.ONLINE, 1, 0, T);
    Conversation moved = done(router.transfer(Identity.agent("anna", "demo", "agent"), chat, "ben", "Rückfrage Rechnung"));
    assertEquals("ben", moved.agentId());
    ChatTransferred event = eventsOf(ChatTransferred.class).get(0);
    assertEquals("anna", event.fromAgentId());
    assertEquals("Rückfrage Rechnung", event.note());
    assertEquals("anna", conversations.get(waiting.id()).agentId(), "anna's freed slot went to the queue");
    assertEquals(1, agents.get("anna").load());
    assertEquals(1, agents.get("ben").load());
  }

  @Test
  void aTransferToAFullAgentIsRefusedAndChangesNothing() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    agents.add("ben", AgentStatus.ONLINE, 0, 0, null);
    Conversation chat = request("v1").conversation();
    Future<Conversation> refused = router.transfer(Identity.agent("anna", "demo", "agent"), chat, "ben", null);
    assertEquals("agent_unavailable", assertInstanceOf(Failure.class, refused.cause()).code());
    assertEquals("anna", conversations.get(chat.id()).agentId());
    assertTrue(eventsOf(ChatTransferred.class).isEmpty());
  }

  @Test
  void raisingMaxChatsAssignsWaitingChatsAtOnce() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    request("v1");
    Conversation second = request("v2").conversation();
    Conversation third = request("v3").conversation();
    done(router.updateAgent(Identity.agent("anna", "demo", "agent"), null, 3));
    assertEquals(ConversationStatus.ACTIVE, conversations.get(second.id()).status());
    assertEquals(ConversationStatus.ACTIVE, conversations.get(third.id()).status());
    assertEquals(3, agents.get("anna").load());
  }

  @Test
  void loweringMaxChatsBelowTheLoadKeepsTheChatsAndGivesNoNewOne() {
    agents.add("anna", AgentStatus.ONLINE, 3, 0, null);
    request("v1");
    request("v2");
    done(router.updateAgent(Identity.agent("anna", "demo", "agent"), null, 1));
    assertEquals(0, agents.get("anna").freeSlots());
    assertEquals(ConversationStatus.QUEUED, request("v3").status());
    assertEquals(2, agents.get("anna").load());
  }

  @Test
  void chatsOfADisabledAgentGoBackToTheQueueAheadOfNewerOnes() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    Conversation annas = request("v1").conversation();
    request("v2");
    done(router.requeueChatsOf("anna", "demo"));
    // anna still counts as online here (disabling is the account's business); her freed slot takes the oldest ticket back.
    assertEquals("anna", conversations.get(annas.id()).agentId());
    assertEquals(QueueReason.AGENT_DISABLED, eventsOf(ChatQueued.class).get(2).reason());
    assertEquals(List.of("v2"), lastQueue().waiting().stream().map(DomainEvent.Waiting::visitorId).toList());
  }

  @Test
  void aLeftMessageSentTwiceIsStoredAndAnnouncedOnce() {
    Identity eva = Identity.visitor("v1", "demo");
    ChatRouter.FirstMessage message = new ChatRouter.FirstMessage("Bitte ruft mich an", "off-1");

    ChatRouter.LeftMessage first = done(router.leaveMessage(eva, "Eva", "eva@example.org", message));
    ChatRouter.LeftMessage again = done(router.leaveMessage(eva, "Eva", "eva@example.org", message));
    ChatRouter.LeftMessage other = done(router.leaveMessage(eva, "Eva", "eva@example.org",
        new ChatRouter.FirstMessage("Oder per E-Mail", "off-2")));

    assertEquals(first.conversationId(), again.conversationId());
    assertEquals(1, first.seq());
    assertTrue(!other.conversationId().equals(first.conversationId()), "another clientMsgId leaves another message");
    assertEquals(2, eventsOf(DomainEvent.ChatRequested.class).size(), "announced once per message, not per send");
  }

  @Test
  void anUnansweredChatMovesToAColleagueWithRoomNeverBackToItsOwnAgent() {
    agents.add("anna", AgentStatus.ONLINE, 3, 0, null);
    agents.add("ben", AgentStatus.ONLINE, 3, 2, null);
    String chat = request("v1").conversation().id();
    assertEquals("anna", conversations.get(chat).agentId(), "anna had the lowest load");

    Conversation moved = done(router.reassignUnanswered(chat, "anna"));

    assertEquals("ben", moved.agentId(), "ben is the only other agent with room, busier or not");
    assertEquals(0, agents.get("anna").load());
    assertEquals(3, agents.get("ben").load());
    ChatTransferred transferred = eventsOf(ChatTransferred.class).get(0);
    assertEquals(DomainEvent.TransferReason.NO_REPLY, transferred.reason());
    assertEquals("anna", transferred.fromAgentId());
    assertNull(done(router.reassignUnanswered(chat, "anna")), "no longer anna's: nothing to move");
  }

  @Test
  void anUnansweredChatStaysWhenNobodyElseHasRoom() {
    agents.add("anna", AgentStatus.ONLINE, 3, 0, null);
    agents.add("ben", AgentStatus.ONLINE, 2, 2, null);
    agents.add("cem", AgentStatus.AWAY, 3, 0, null);
    String chat = request("v1").conversation().id();

    assertNull(done(router.reassignUnanswered(chat, "anna")));

    assertEquals("anna", conversations.get(chat).agentId());
    assertEquals(List.of(1, 2, 0), List.of(agents.get("anna").load(), agents.get("ben").load(), agents.get("cem").load()));
    assertTrue(eventsOf(ChatTransferred.class).isEmpty());
  }

  @Test
  void aReturningVisitorGetsItsLastAgentWhileThatAgentHasRoomElseTheUsualRule() {
    agents.add("anna", AgentStatus.ONLINE, 2, 1, null);
    agents.add("ben", AgentStatus.ONLINE, 2, 0, null);
    lastAgents.put("v1", "anna");
    lastAgents.put("v2", "anna");

    assertEquals("anna", request("v1").conversation().agentId(), "anna, though ben has fewer chats");
    assertEquals(AssignReason.STICKY, eventsOf(ChatAssigned.class).get(0).reason());
    assertEquals("ben", request("v2").conversation().agentId(), "anna is full now: the lowest load decides");
    assertEquals(AssignReason.LOWEST_LOAD, eventsOf(ChatAssigned.class).get(1).reason());
  }

  @Test
  void aNewChatAnAgentTakesAtOnceNeverGetsAQueueEntry() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    agents.add("ben", AgentStatus.ONLINE, 1, 0, null);
    lastAgents.put("v2", "ben");
    Conversation byLoad = request("v1").conversation();
    Conversation byPreference = request("v2").conversation();
    assertEquals(ConversationStatus.ACTIVE, byLoad.status());
    assertEquals(AssignReason.STICKY, eventsOf(ChatAssigned.class).get(1).reason());
    assertEquals(0, conversations.entriesWritten(), "neither was written into the queue and taken out again");
    assertEquals(ConversationStatus.ACTIVE, conversations.get(byPreference.id()).status());
  }

  @Test
  void aNewChatThatMustWaitGetsItsQueueEntryBeforeItsReply() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    request("v1");
    ChatState second = request("v2");
    assertEquals(ConversationStatus.QUEUED, second.status());
    assertEquals(1, second.position());
    assertTrue(conversations.listed(second.conversation().id()), "it waits in the queue, as after a restart");
    assertTrue(done(router.routed(second.conversation().id()).map(true)));
  }

  @Test
  void aNewChatNeverOvertakesAChatThatAlreadyWaits() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    request("v1");
    Conversation waiting = request("v2").conversation();
    // Anna gets room without a drain (as on another node, a moment before it drains): the next request finds it.
    done(agents.setMaxChats("anna", 2));
    ChatState newer = request("v3");
    assertEquals(ConversationStatus.ACTIVE, conversations.get(waiting.id()).status(), "the chat that waited gets the room");
    assertEquals(ConversationStatus.QUEUED, newer.status());
    assertEquals(1, newer.position());
    assertTrue(conversations.listed(newer.conversation().id()));
  }
}
