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

  private static final Integer CHAT_SLOT = null;

  private static Agent anna(AgentStatus status, int maxChats, int load) {
    return anna(status, maxChats, load, 0);
  }

  private static Agent anna(AgentStatus status, int maxChats, int load, int emailLoad) {
    return new Agent("anna", "demo", "anna@example.com", "Anna", Agent.ROLE_AGENT, maxChats, status, load, false, null, List.of(),
        List.of(), null, null, emailLoad);
  }

  @Test
  void awayFullOrWithoutADashboardEachSaySo() {
    Failure away = TakeRefusal.of(anna(AgentStatus.AWAY, 3, 0), CHAT_SLOT);
    assertEquals("not_online", away.code());
    assertTrue(away.getMessage().contains("you are away"), away.getMessage());
    Failure full = TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 3), CHAT_SLOT);
    assertEquals("no_capacity", full.code());
    assertTrue(full.getMessage().contains("all 3 of your chat slots are in use"), full.getMessage());
    assertEquals("not_connected", TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 1), CHAT_SLOT).code());
  }

  @Test
  void anEmailInItsOwnSlotsIsRefusedForFullEmailSlotsWhateverTheChatSlotsSay() {
    Failure emailsFull = TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 0, 3), 3);
    assertEquals("no_email_capacity", emailsFull.code());
    assertTrue(emailsFull.getMessage().contains("all 3 of your e-mail slots are in use"), emailsFull.getMessage());
    assertTrue(emailsFull.getMessage().contains("ask an admin for more"), emailsFull.getMessage());
    // A site that lowered its limit under what she holds: still full, and said with the limit as it is now.
    assertEquals("all 2 of your e-mail slots are in use: resolve or set an e-mail pending, or ask an admin for more",
        TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 0, 4), 2).getMessage());
  }

  @Test
  void fullChatSlotsDoNotRefuseAnEmailThatHasItsOwnSlot() {
    // Her chat slots are full, an e-mail slot is free: the claim failed for want of a dashboard, not of room.
    assertEquals("not_connected", TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 3, 1), 3).code());
    // And full e-mail slots do not refuse a chat.
    assertEquals("not_connected", TakeRefusal.of(anna(AgentStatus.ONLINE, 3, 1, 3), CHAT_SLOT).code());
  }

  @Test
  void beingAwayOrDisabledComesBeforeFullEmailSlots() {
    assertEquals("not_online", TakeRefusal.of(anna(AgentStatus.AWAY, 3, 0, 3), 3).code());
    Agent disabled = new Agent("anna", "demo", "anna@example.com", "Anna", Agent.ROLE_AGENT, 3, AgentStatus.ONLINE, 0, true, null,
        List.of(), List.of(), null, null, 3);
    assertEquals("no_capacity", TakeRefusal.of(disabled, 3).code());
  }
}
