package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.QueueCard;
import org.plauder.conversation.QueuedChat;
import org.plauder.routing.AssignmentPolicy.Planned;

/** E-mails with slots of their own (a site's maxEmails) or in the chat slots, decided in plain Java without a server. */
class EmailSlotsTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private static QueuedChat waiting(String id, String channel) {
    return new QueuedChat(id, "v-" + id, null, T, ChatNeeds.NONE, QueueCard.NONE, channel);
  }

  private static Agent full(String id, int emailLoad) {
    return new Agent(id, "demo", id + "@example.com", id, Agent.ROLE_AGENT, 2, AgentStatus.ONLINE, 2, false, null, List.of(),
        List.of(), null, null, emailLoad);
  }

  private static List<String> planned(AssignmentPolicy policy, List<QueuedChat> waiting, List<Agent> agents) {
    return policy.plan(waiting, agents, T).stream().map(p -> p.chat().conversationId() + "->" + p.agentId()).toList();
  }

  @Test
  void withoutItsOwnLimitAnEmailTakesAChatSlotSoAFullAgentGetsNone() {
    AssignmentPolicy policy = AssignmentPolicy.lowestLoad();
    assertEquals(List.of(), planned(policy, List.of(waiting("m1", Conversation.EMAIL)), List.of(full("anna", 0))));
    assertFalse(policy.takesEmailSlot(Conversation.EMAIL));
  }

  @Test
  void withItsOwnLimitAnAgentWithFullChatSlotsStillGetsEmailsUpToThatLimitAndNoChat() {
    AssignmentPolicy policy = AssignmentPolicy.lowestLoad().withMaxEmails(2);
    List<QueuedChat> waiting = List.of(waiting("c1", Conversation.CHAT), waiting("m1", Conversation.EMAIL),
        waiting("m2", Conversation.EMAIL), waiting("m3", Conversation.EMAIL));
    assertEquals(List.of("m1->anna", "m2->anna"), planned(policy, waiting, List.of(full("anna", 0))),
        "the chat waits for a chat slot, the third e-mail for an e-mail slot");
    assertTrue(policy.takesEmailSlot(Conversation.EMAIL));
    assertFalse(policy.takesEmailSlot(Conversation.CHAT), "a chat always takes a chat slot");
  }

  @Test
  void emailsGoToTheAgentWithFewestEmailsWhateverItsChats() {
    AssignmentPolicy policy = AssignmentPolicy.lowestLoad().withMaxEmails(3);
    Agent idleChats = new Agent("ben", "demo", "ben@example.com", "ben", Agent.ROLE_AGENT, 2, AgentStatus.ONLINE, 0, false, null,
        List.of(), List.of(), null, null, 2);
    List<Planned> plan = policy.plan(List.of(waiting("m1", Conversation.EMAIL)), List.of(idleChats, full("anna", 1)), T);
    assertEquals("anna", plan.get(0).agentId());
  }

  @Test
  void aClaimTakesAnEmailSlotOnlyBelowTheLimitAndGivingItBackFreesIt() {
    InMemoryAgents agents = new InMemoryAgents();
    agents.add("anna", AgentStatus.ONLINE, 1, 1, null);
    AgentSelection emails = AssignmentPolicy.lowestLoad().withMaxEmails(2).selectionFor(Conversation.EMAIL);
    assertEquals(1, agents.claimSlot("demo", emails, T).result().emailLoad());
    assertEquals(2, agents.claimSlot("demo", emails, T).result().emailLoad());
    assertNull(agents.claimSlot("demo", emails, T).result(), "never more than two e-mails");
    assertEquals(1, agents.get("anna").load(), "the chat slots are untouched");

    agents.releaseSlot("anna", true);
    assertEquals(1, agents.get("anna").emailLoad());
    assertEquals(1, agents.get("anna").load());
    assertEquals(2, agents.claimSlot("demo", emails, T).result().emailLoad());
  }
}
