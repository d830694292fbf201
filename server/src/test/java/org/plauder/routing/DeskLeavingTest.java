package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.event.DomainEvent;
import org.plauder.event.DomainEvent.AgentLeft;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.DomainEvent.TransferReason;
import org.plauder.protocol.Failure;
import org.plauder.routing.DeskLeaving.Left;
import org.plauder.routing.DeskLeaving.OpenChats;

/** An agent who goes away or offline with open chats, and what becomes of them: on in-memory stores, no server. */
class DeskLeavingTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  private static final Identity ANNA = Identity.agent("anna", "demo", "agent");

  private final MovableClock clock = new MovableClock(T);
  private final InMemoryAgents agents = new InMemoryAgents();
  private final InMemoryConversations conversations = new InMemoryConversations();
  private final List<DomainEvent> events = new ArrayList<>();
  private final List<ChatMessage> messages = new ArrayList<>();
  private final ChatLog chatLog = (c, sender, senderId, senderName, text, clientMsgId) -> {
    ChatMessage m = new ChatMessage(c.id(), messages.size() + 1, sender, senderId, senderName, text, clientMsgId, clock.instant());
    messages.add(m);
    return Future.succeededFuture(new ChatLog.Appended(m, false, false));
  };
  private final ChatRouter router = new ChatRouter(agents, conversations, (id, name, email) -> Future.succeededFuture(),
      chatLog, (siteKey, visitorId) -> Future.succeededFuture(), AssignmentPolicy.lowestLoad(), new AssignmentRate(),
      (millis, task) -> task.run(), events::add, clock, null);
  private final DeskLeaving leaving = new DeskLeaving(agents, conversations, AssignmentPolicy.lowestLoad(), events::add, clock, router);

  private static <T> T done(Future<T> future) {
    assertTrue(future.succeeded(), () -> "failed: " + future.cause());
    return future.result();
  }

  /** Anna online with room for two, then two visitors' chats go to her. */
  private List<Conversation> annaChatsWithTwo() {
    agents.add("anna", AgentStatus.ONLINE, 2, 0, null);
    List<Conversation> chats = new ArrayList<>();
    for (String visitor : List.of("v1", "v2")) {
      clock.advance(Duration.ofSeconds(1));
      chats.add(done(router.requestChat(Identity.visitor(visitor, "demo"), null, null, ChatNeeds.NONE, null, null)).conversation());
    }
    assertEquals(2, agents.get("anna").load());
    return chats;
  }

  private <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void handedOverChatsGoToAColleagueWithRoomAndTheRestBackToTheQueueNeverToTheLeaver() {
    List<Conversation> chats = annaChatsWithTwo();
    agents.add("ben", AgentStatus.ONLINE, 1, 0, null);
    Left left = done(leaving.leave(ANNA, AgentStatus.AWAY, OpenChats.HAND_OVER));
    assertEquals(1, left.handedOver());
    assertEquals(1, left.queued());
    assertEquals(AgentStatus.AWAY, left.agent().status());
    assertEquals(0, agents.get("anna").load());
    ChatTransferred moved = eventsOf(ChatTransferred.class).get(0);
    assertEquals(TransferReason.BY_AGENT, moved.reason());
    assertEquals("ben", moved.conversation().agentId());
    assertEquals("anna", moved.fromAgentId());
    ChatQueued back = eventsOf(ChatQueued.class).stream().filter(q -> q.reason() == QueueReason.AGENT_LEFT).findFirst().orElseThrow();
    assertEquals("anna", back.fromAgentId());
    assertEquals(ConversationStatus.QUEUED, done(conversations.find(back.conversationId())).status(), "nobody had room");
    assertTrue(chats.stream().anyMatch(c -> c.id().equals(back.conversationId())));
    assertEquals(0, eventsOf(AgentLeft.class).get(0).keptChats());
  }

  @Test
  void keptChatsStayWithTheAgentWhoGetsNoNewOnes() {
    List<Conversation> chats = annaChatsWithTwo();
    Left left = done(leaving.leave(ANNA, AgentStatus.OFFLINE, OpenChats.KEEP));
    assertEquals(2, left.kept());
    assertEquals(AgentStatus.OFFLINE, agents.get("anna").status());
    for (Conversation c : chats) {
      Conversation now = done(conversations.find(c.id()));
      assertEquals(ConversationStatus.ACTIVE, now.status());
      assertEquals("anna", now.agentId());
    }
    AgentLeft announced = eventsOf(AgentLeft.class).get(0);
    assertEquals(2, announced.keptChats());
    assertEquals("anna", announced.agentId());
  }

  @Test
  void closedChatsEndAndGiveTheirSlotsBack() {
    annaChatsWithTwo();
    Left left = done(leaving.leave(ANNA, AgentStatus.AWAY, OpenChats.CLOSE));
    assertEquals(2, left.closed());
    assertEquals(2, eventsOf(ChatClosed.class).size());
    assertEquals(0, agents.get("anna").load());
    assertTrue(eventsOf(ChatClosed.class).stream().allMatch(c -> "agent".equals(c.closedBy())));
  }

  @Test
  void leavingIsNeverGoingOnlineAndThatChangesNothing() {
    annaChatsWithTwo();
    agents.add("ben", AgentStatus.ONLINE, 2, 0, null);
    events.clear();
    Future<Left> refused = leaving.leave(ANNA, AgentStatus.ONLINE, OpenChats.HAND_OVER);
    assertTrue(refused.failed());
    assertEquals(400, ((Failure) refused.cause()).status());
    assertEquals(2, agents.get("anna").load());
    assertEquals(List.of(), events);
  }

  @Test
  void theWireNamesOfTheChoices() {
    assertEquals(OpenChats.HAND_OVER, OpenChats.fromWire("handOver"));
    assertEquals(OpenChats.KEEP, OpenChats.fromWire("keep"));
    assertEquals(OpenChats.CLOSE, OpenChats.fromWire("close"));
    assertEquals(null, OpenChats.fromWire("HAND_OVER"));
  }
}
