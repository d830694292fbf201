package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
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
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.ChatHeld;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.routing.ChatRouter.FirstMessage;
import org.plauder.routing.ChatRouter.Opening;

/**
 * The router's hook for the FAQ bot, on in-memory stores: a chat its policy holds waits outside the
 * queue however free the agents are, until it is released into the queue or settled.
 */
class HoldingRoomTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(T);
  private final InMemoryAgents agents = new InMemoryAgents();
  private final InMemoryConversations conversations = new InMemoryConversations();
  private final List<DomainEvent> events = new ArrayList<>();
  private final List<String> asked = new ArrayList<>();
  private final ChatLog chatLog = (c, sender, senderId, senderName, text, clientMsgId) -> Future.succeededFuture(
      new ChatLog.Appended(new ChatMessage(c.id(), 1, sender, senderId, senderName, text, clientMsgId, clock.instant()), false, false));
  /** Holds every chat whose first message mentions shipping. */
  private final ChatHold policy = (siteKey, text) -> {
    asked.add(text);
    return Future.succeededFuture(text.contains("Versand"));
  };
  private final ChatRouter router = new ChatRouter(agents, conversations, (id, name, email) -> Future.succeededFuture(), chatLog,
      (siteKey, visitorId) -> Future.succeededFuture(), AssignmentPolicy.lowestLoad(), new AssignmentRate(), (millis, task) -> task.run(),
      events::add, clock, new HoldingRoom(policy, conversations, conversations, (id, name, email) -> Future.succeededFuture(),
          chatLog, events::add));

  private static <T> T done(Future<T> future) {
    assertTrue(future.succeeded(), () -> "failed: " + future.cause());
    return future.result();
  }

  private ChatState ask(String visitorId, String text) {
    return done(router.requestChat(Identity.visitor(visitorId, "demo"), null, null, ChatNeeds.NONE, new FirstMessage(text, "q-" + visitorId), null));
  }

  private <E extends DomainEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void aHeldChatWaitsOutsideTheQueueThoughAnAgentIsFreeAndIsAnnouncedWithItsQuestion() {
    agents.add("anna", AgentStatus.ONLINE, 3, 0, null);
    ChatState state = ask("v1", "Wie lange dauert der Versand?");
    assertEquals(ConversationStatus.QUEUED, state.status());
    assertTrue(state.conversation().isHeld());
    assertEquals(0, state.position());
    assertTrue(eventsOf(ChatAssigned.class).isEmpty());
    assertTrue(eventsOf(ChatQueued.class).isEmpty());
    assertEquals("Wie lange dauert der Versand?", eventsOf(ChatHeld.class).get(0).question().text());

    assertTrue(done(router.assignQueued("demo")) == null && eventsOf(ChatAssigned.class).isEmpty(), "a drain passes it by");
    assertEquals(ConversationStatus.ACTIVE, ask("v2", "Hallo").status(), "a chat the policy does not hold goes on as always");
  }

  @Test
  void releasedItJoinsTheQueueAsAnyChatOnce() {
    agents.add("anna", AgentStatus.ONLINE, 3, 0, null);
    Conversation held = ask("v1", "Versand?").conversation();
    assertTrue(done(router.release(held)));
    assertEquals(QueueReason.BOT_HANDOVER, eventsOf(ChatQueued.class).get(0).reason());
    assertEquals(held.id(), eventsOf(ChatAssigned.class).get(0).conversation().id());
    assertEquals(ConversationStatus.ACTIVE, conversations.get(held.id()).status());
    assertFalse(done(router.release(held)), "released once");
    assertNull(done(router.settle(held)), "a person has it: nothing to settle");
  }

  @Test
  void settledItClosesSelfServedAndNeverReachesAnAgent() {
    agents.add("anna", AgentStatus.ONLINE, 3, 0, null);
    Conversation held = ask("v1", "Versand?").conversation();
    Conversation closed = done(router.settle(held));
    assertEquals(held.id(), closed.id());
    assertTrue(conversations.get(held.id()).isSelfServed());
    assertTrue(eventsOf(ChatAssigned.class).isEmpty());
    assertFalse(done(router.release(held)));
  }

  @Test
  void anOfferOrAChatWithoutAFirstMessageIsNeverHeldAndThePolicyIsNotAsked() {
    agents.add("anna", AgentStatus.ONLINE, 3, 0, null);
    ChatState offered = done(router.requestChat(Identity.visitor("v1", "demo"), null, null, ChatNeeds.NONE, new FirstMessage("Versand?", "q-1"),
        new Opening("o1", "Brauchen Sie Hilfe?", ChatMessage.Sender.SYSTEM, null, null)));
    assertEquals(ConversationStatus.ACTIVE, offered.status());
    assertEquals(ConversationStatus.ACTIVE, done(router.requestChat(Identity.visitor("v2", "demo"), null, null, ChatNeeds.NONE, null, null)).status());
    assertEquals(List.of(), asked);
  }
}
