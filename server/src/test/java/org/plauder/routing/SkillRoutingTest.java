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
import org.plauder.conversation.ChatState;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.RoutingStep.Candidate;
import org.plauder.event.DomainEvent;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.event.DomainEvent.ChatAssigned;

/**
 * Languages and skills in routing, on in-memory agents and conversations: a chat goes first to
 * agents who speak its language and know its topic, to anyone once its match-only time is over,
 * and at once to anyone when nobody online matches.
 */
class SkillRoutingTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(T);
  private final InMemoryAgents agents = new InMemoryAgents();
  private final InMemoryConversations conversations = new InMemoryConversations();
  private final List<DomainEvent> events = new ArrayList<>();
  private final ChatLog chatLog = (c, sender, senderId, senderName, text, clientMsgId) -> Future.succeededFuture(
      new ChatLog.Appended(new ChatMessage(c.id(), 1, sender, senderId, senderName, text, clientMsgId, clock.instant()), false, false));
  private final ChatRouter router = new ChatRouter(agents, conversations, (id, name, email) -> Future.succeededFuture(), chatLog,
      (siteKey, visitorId) -> Future.succeededFuture(null), AssignmentPolicy.lowestLoad(), new AssignmentRate(),
      (millis, task) -> task.run(), events::add, clock);

  private static <T> T done(Future<T> future) {
    assertTrue(future.succeeded(), () -> "failed: " + future.cause());
    return future.result();
  }

  /** A chat asking for {@code language} and {@code skill}, matched only for the next 60 seconds. */
  private ChatState request(String visitorId, String language, String skill) {
    ChatNeeds needs = new ChatNeeds(language, skill, clock.instant().plusSeconds(60));
    return done(router.requestChat(Identity.visitor(visitorId, "demo"), null, null, needs, null, null));
  }

  private List<ChatAssigned> assigned() {
    return events.stream().filter(ChatAssigned.class::isInstance).map(ChatAssigned.class::cast).toList();
  }

  @Test
  void aGermanBillingChatGoesToTheGermanBillingAgentThoughAnIdleEnglishAgentHasMoreRoom() {
    agents.add("anna", AgentStatus.ONLINE, 3, 2, T.minusSeconds(30));
    agents.speaks("anna", List.of("de"), List.of("billing"));
    agents.add("ed", AgentStatus.ONLINE, 5, 0, null);
    agents.speaks("ed", List.of("en"), List.of("billing", "technik"));
    ChatState state = request("v1", "de", "billing");
    assertEquals("anna", state.conversation().agentId());
    ChatAssigned event = assigned().get(0);
    assertEquals(AssignReason.SKILL, event.reason());
    assertEquals(List.of("anna"), event.candidates().stream().map(Candidate::agentId).toList());
  }

  @Test
  void whenTheMatchingAgentIsFullTheChatWaitsThenGoesToAnyoneAfterTheFallbackTime() {
    agents.add("anna", AgentStatus.ONLINE, 2, 2, T.minusSeconds(30));
    agents.speaks("anna", List.of("de"), List.of("billing"));
    agents.add("ed", AgentStatus.ONLINE, 5, 0, null);
    agents.speaks("ed", List.of("en"), List.of());
    ChatState state = request("v1", "de", "billing");
    assertEquals(ConversationStatus.QUEUED, state.status());
    assertEquals(0, agents.get("ed").load());

    clock.advance(Duration.ofSeconds(59));
    done(router.assignQueued("demo"));
    assertEquals(ConversationStatus.QUEUED, done(conversations.find(state.conversation().id())).status());

    clock.advance(Duration.ofSeconds(1));
    done(router.assignQueued("demo"));
    assertEquals("ed", done(conversations.find(state.conversation().id())).agentId());
    assertEquals(AssignReason.FALLBACK, assigned().get(0).reason());
  }

  @Test
  void whenNobodyOnlineMatchesTheChatGoesToAnyoneAtOnce() {
    agents.add("anna", AgentStatus.AWAY, 3, 0, null);
    agents.speaks("anna", List.of("de"), List.of("billing"));
    agents.add("ed", AgentStatus.ONLINE, 5, 0, null);
    agents.speaks("ed", List.of("en"), List.of());
    assertEquals("ed", request("v1", "de", "billing").conversation().agentId());
    assertEquals(AssignReason.FALLBACK, assigned().get(0).reason());
  }

  @Test
  void aChatForABusySkillDoesNotHoldUpTheChatsBehindIt() {
    agents.add("anna", AgentStatus.ONLINE, 1, 1, T.minusSeconds(30));
    agents.speaks("anna", List.of(), List.of("billing"));
    agents.add("ben", AgentStatus.ONLINE, 1, 0, null);
    ChatState billing = request("v1", null, "billing");
    ChatState plain = request("v2", null, null);
    assertEquals(ConversationStatus.QUEUED, billing.status());
    assertEquals("ben", plain.conversation().agentId());
  }

  @Test
  void anAgentWhoListsNoLanguageSpeaksEveryOneAndTheAuditSaysLeastLoaded() {
    agents.add("anna", AgentStatus.ONLINE, 3, 1, T.minusSeconds(30));
    agents.add("ben", AgentStatus.ONLINE, 3, 0, null);
    assertEquals("ben", request("v1", "de", null).conversation().agentId());
    assertEquals(AssignReason.LOWEST_LOAD, assigned().get(0).reason());
  }

  @Test
  void oneRoundGivesEachChatAnAgentThatFitsIt() {
    agents.add("anna", AgentStatus.ONLINE, 1, 1, T.minusSeconds(30));
    agents.speaks("anna", List.of("de"), List.of());
    agents.add("ed", AgentStatus.ONLINE, 1, 1, T.minusSeconds(20));
    agents.speaks("ed", List.of("en"), List.of());
    ChatState english = request("v1", "en", null);
    ChatState german = request("v2", "de", null);
    assertEquals(ConversationStatus.QUEUED, english.status());
    assertEquals(ConversationStatus.QUEUED, german.status());
    // Both agents free a slot at once (as a disabled colleague's chats come back, or limits rise):
    done(agents.setMaxChats("anna", 2));
    done(agents.setMaxChats("ed", 2));
    done(router.assignQueued("demo"));
    assertEquals("ed", done(conversations.find(english.conversation().id())).agentId());
    assertEquals("anna", done(conversations.find(german.conversation().id())).agentId());
  }
}
