package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.RoutingStep.Candidate;

/** Which agent gets the next chat, decided in plain Java, without a server or a database. */
class AssignmentPolicyTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private final AssignmentPolicy policy = AssignmentPolicy.lowestLoad();

  private static Agent agent(String id, AgentStatus status, int maxChats, int load, Instant lastAssignedAt) {
    return new Agent(id, "demo", id + "@example.com", id, Agent.ROLE_AGENT, maxChats, status, load, false, lastAssignedAt, List.of(), List.of());
  }

  private static Agent online(String id, int load, Instant lastAssignedAt) {
    return agent(id, AgentStatus.ONLINE, 5, load, lastAssignedAt);
  }

  private static Agent disabled(Agent a) {
    return new Agent(a.id(), a.siteKey(), a.email(), a.name(), a.role(), a.maxChats(), a.status(), a.load(), true,
        a.lastAssignedAt(), a.languages(), a.skills());
  }

  private String chosen(List<Agent> agents) {
    return policy.choose(agents).map(Agent::id).orElse("nobody");
  }

  @Test
  void theAgentWithTheLowestLoadGetsTheChat() {
    assertEquals("ben", chosen(List.of(online("anna", 2, T), online("ben", 0, T.plusSeconds(60)), online("cem", 1, T))));
  }

  @Test
  void amongEqualLoadsTheAgentLongestSinceItsLastAssignmentGetsTheChat() {
    assertEquals("ben", chosen(List.of(
        online("anna", 1, T.plusSeconds(300)), online("ben", 1, T.plusSeconds(60)), online("cem", 1, T.plusSeconds(180)))));
  }

  @Test
  void anAgentNeverAssignedComesBeforeEveryoneWithTheSameLoad() {
    assertEquals("dora", chosen(List.of(online("anna", 0, T), online("dora", 0, null), online("ben", 0, T.minusSeconds(3600)))));
  }

  @Test
  void neverAssignedDoesNotBeatALowerLoad() {
    assertEquals("anna", chosen(List.of(online("anna", 0, T), online("dora", 1, null))));
  }

  @Test
  void fullAwayOfflineAndDisabledAgentsAreNeverChosen() {
    Agent full = agent("full", AgentStatus.ONLINE, 2, 2, null);
    Agent away = agent("away", AgentStatus.AWAY, 5, 0, null);
    Agent offline = agent("offline", AgentStatus.OFFLINE, 5, 0, null);
    Agent off = disabled(online("off", 0, null));
    Agent zero = agent("zero", AgentStatus.ONLINE, 0, 0, null);
    List<Agent> nobodyFree = List.of(full, away, offline, off, zero);
    assertEquals(Optional.empty(), policy.choose(nobodyFree));
    nobodyFree.forEach(a -> assertFalse(policy.canTakeChat(a), a.id()));
    // One busy but eligible agent among them is the one chosen, despite its higher load.
    List<Agent> withOne = new ArrayList<>(nobodyFree);
    withOne.add(agent("busy", AgentStatus.ONLINE, 5, 4, T));
    assertEquals("busy", chosen(withOne));
  }

  @Test
  void loweringMaxChatsBelowTheLoadGivesNoNewChatAndNoNegativeFreeSlots() {
    Agent lowered = agent("anna", AgentStatus.ONLINE, 1, 3, T);
    assertEquals(0, lowered.freeSlots());
    assertFalse(policy.canTakeChat(lowered));
    assertEquals("nobody", chosen(List.of(lowered)));
    Agent raisedAgain = agent("anna", AgentStatus.ONLINE, 4, 3, T);
    assertEquals(1, raisedAgain.freeSlots());
    assertTrue(policy.canTakeChat(raisedAgain));
  }

  @Test
  void theChoiceDoesNotDependOnTheOrderOfTheList() {
    List<Agent> agents = new ArrayList<>(List.of(online("anna", 1, T), online("ben", 0, T.plusSeconds(5)),
        online("cem", 0, T.plusSeconds(1)), online("dora", 2, null), agent("away", AgentStatus.AWAY, 5, 0, null)));
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(agents, random);
      assertEquals("cem", chosen(agents));
    }
  }

  @Test
  void aPlannedChatWritesDownTheChosenAgentFirstAndAtMostTenOfTheBestBesideIt() {
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      agents.add(online("agent-" + i, i % 4, T.plusSeconds(i)));
    }
    Collections.shuffle(agents, new Random(7));
    List<AssignmentPolicy.Planned> planned = policy.plan(
        List.of(new QueuedChat("c1", "v1", null, T, ChatNeeds.NONE)), agents, T.plusSeconds(60));

    List<String> considered = planned.get(0).considered().stream().map(Candidate::agentId).toList();
    assertEquals(AssignmentPolicy.MAX_CONSIDERED, considered.size());
    assertEquals(planned.get(0).agentId(), considered.get(0));
    // Load 0 first (agents 0, 4, 8, … 28: eight of them), longest since the last chat first, then load 1.
    assertEquals(List.of("agent-0", "agent-4", "agent-8", "agent-12", "agent-16", "agent-20", "agent-24", "agent-28",
        "agent-1", "agent-5"), considered);
  }

  @Test
  void nobodyAtAllMeansNoChoice() {
    assertEquals(Optional.empty(), policy.choose(List.of()));
  }
}
