package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.protocol.Failure;

/** The reason a take is refused names what the agent can change. */
class TakeRefusalTest {

  private static Agent anna(AgentStatus status, int maxChats, int load) {
    return new Agent("anna", "demo", "anna@example.com", "Anna", Agent.ROLE_AGENT, maxChats, status, load, false, null, List.of(), List.of());
  }

  @Test
  void awayFullOrWithoutADashboardEachSaySo() {
    Failure away = TakeRefusal.of(anna(AgentStatus.AWAY, 3, 0));
    assertEquals("not_online", away.code());
    assertTrue(away.getMessage().contains("you are away"), away.getMessage());
    Failure full = TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 3));
    assertEquals("no_capacity", full.code());
    assertTrue(full.getMessage().contains("all 3 of your chat slots are in use"), full.getMessage());
    assertEquals("not_connected", TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 1)).code());
  }
}
