package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plauder.conversation.WorkStatusRules.Change;
import org.plauder.conversation.WorkStatusRules.Slot;
import org.plauder.protocol.Failure;

/** The work status of e-mail conversations: who may move it where, and what that does to the agent's chat slot. */
class WorkStatusRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  private static Conversation conversation(ConversationStatus status, String channel) {
    String agent = status == ConversationStatus.QUEUED ? null : "anna";
    return new Conversation("c1", "demo", "v1", agent, agent == null ? null : "Anna", status, 3, NOW, NOW, null, null, null, 2,
        null, "Eva", "eva@kunde.test", ChatNeeds.NONE, channel);
  }

  private static Conversation email(ConversationStatus status) {
    return conversation(status, Conversation.EMAIL);
  }

  private static Change byAnna(ConversationStatus status, WorkStatus wanted, Instant until) {
    return WorkStatusRules.byAgent(email(status), "anna", wanted, until, NOW);
  }

  @Test
  void parkingAnOpenConversationGivesTheSlotBack() {
    assertEquals(new Change(ConversationStatus.ACTIVE, ConversationStatus.PENDING, Slot.GIVE_BACK),
        byAnna(ConversationStatus.ACTIVE, WorkStatus.PENDING, null));
    assertEquals(new Change(ConversationStatus.ACTIVE, ConversationStatus.SNOOZED, Slot.GIVE_BACK),
        byAnna(ConversationStatus.ACTIVE, WorkStatus.SNOOZED, NOW.plusSeconds(3600)));
    assertEquals(new Change(ConversationStatus.ACTIVE, ConversationStatus.CLOSED, Slot.GIVE_BACK),
        byAnna(ConversationStatus.ACTIVE, WorkStatus.RESOLVED, null));
  }

  @Test
  void aParkedConversationHoldsNoSlotSoMovingItOnKeepsItAndOpeningItTakesOne() {
    assertEquals(new Change(ConversationStatus.PENDING, ConversationStatus.SNOOZED, Slot.KEEP),
        byAnna(ConversationStatus.PENDING, WorkStatus.SNOOZED, NOW.plusSeconds(60)));
    assertEquals(new Change(ConversationStatus.SNOOZED, ConversationStatus.PENDING, Slot.KEEP),
        byAnna(ConversationStatus.SNOOZED, WorkStatus.PENDING, null));
    assertEquals(new Change(ConversationStatus.PENDING, ConversationStatus.CLOSED, Slot.KEEP),
        byAnna(ConversationStatus.PENDING, WorkStatus.RESOLVED, null));
    assertEquals(new Change(ConversationStatus.SNOOZED, ConversationStatus.ACTIVE, Slot.TAKE),
        byAnna(ConversationStatus.SNOOZED, WorkStatus.OPEN, null));
  }

  @Test
  void theStatusItHasAlreadyIsNoChangeButANewSnoozeTimeIs() {
    assertFalse(byAnna(ConversationStatus.PENDING, WorkStatus.PENDING, null).changes());
    assertFalse(byAnna(ConversationStatus.ACTIVE, WorkStatus.OPEN, null).changes());
    assertEquals(Slot.KEEP, byAnna(ConversationStatus.ACTIVE, WorkStatus.OPEN, null).slot());
    assertTrue(byAnna(ConversationStatus.SNOOZED, WorkStatus.SNOOZED, NOW.plusSeconds(60)).changes());
  }

  @Test
  void theCustomersMailOrTheSnoozesEndOpensOnlyAParkedConversation() {
    assertEquals(new Change(ConversationStatus.PENDING, ConversationStatus.ACTIVE, Slot.TAKE), WorkStatusRules.wake(email(ConversationStatus.PENDING)));
    assertEquals(new Change(ConversationStatus.SNOOZED, ConversationStatus.ACTIVE, Slot.TAKE), WorkStatusRules.wake(email(ConversationStatus.SNOOZED)));
    assertFalse(WorkStatusRules.wake(email(ConversationStatus.ACTIVE)).changes());
    assertFalse(WorkStatusRules.wake(email(ConversationStatus.CLOSED)).changes());
  }

  @Test
  void aSnoozeNeedsATimeInTheFutureWithinAYear() {
    assertEquals("until is required: the time the conversation comes back",
        assertThrows(Failure.class, () -> byAnna(ConversationStatus.ACTIVE, WorkStatus.SNOOZED, null)).getMessage());
    assertEquals("invalid_input", assertThrows(Failure.class, () -> byAnna(ConversationStatus.ACTIVE, WorkStatus.SNOOZED, NOW)).code());
    assertEquals("invalid_input", assertThrows(Failure.class,
        () -> byAnna(ConversationStatus.ACTIVE, WorkStatus.SNOOZED, NOW.plus(Duration.ofDays(400)))).code());
    assertEquals("invalid_input", assertThrows(Failure.class,
        () -> byAnna(ConversationStatus.ACTIVE, WorkStatus.PENDING, NOW.plusSeconds(60))).code(), "until only with snoozed");
  }

  @Test
  void onlyTheAgentHoldingAnEmailConversationMayChangeIt() {
    assertEquals("not_email", assertThrows(Failure.class,
        () -> WorkStatusRules.byAgent(conversation(ConversationStatus.ACTIVE, Conversation.CHAT), "anna", WorkStatus.PENDING, null, NOW)).code());
    assertEquals("not_your_chat", assertThrows(Failure.class,
        () -> WorkStatusRules.byAgent(email(ConversationStatus.ACTIVE), "ben", WorkStatus.PENDING, null, NOW)).code());
    assertEquals("not_your_chat", assertThrows(Failure.class,
        () -> WorkStatusRules.byAgent(email(ConversationStatus.QUEUED), "anna", WorkStatus.PENDING, null, NOW)).code());
    assertEquals("conversation_closed", assertThrows(Failure.class, () -> byAnna(ConversationStatus.CLOSED, WorkStatus.OPEN, null)).code());
    assertEquals("invalid_input", assertThrows(Failure.class, () -> byAnna(ConversationStatus.ACTIVE, null, null)).code());
  }

  @Test
  void theWorkStatusFollowsTheConversationStatus() {
    assertEquals(WorkStatus.OPEN, WorkStatus.of(ConversationStatus.QUEUED));
    assertEquals(WorkStatus.OPEN, WorkStatus.of(ConversationStatus.ACTIVE));
    assertEquals(WorkStatus.RESOLVED, WorkStatus.of(ConversationStatus.CLOSED));
    assertNull(WorkStatus.of(ConversationStatus.OFFLINE));
    assertEquals(WorkStatus.SNOOZED, WorkStatus.fromWire("snoozed"));
    assertNull(WorkStatus.fromWire("later"));
  }
}
