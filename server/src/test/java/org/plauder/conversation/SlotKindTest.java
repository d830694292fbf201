package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.plauder.conversation.ConversationStore.Holding;

/** Which slot a conversation gives back, and how the slot audit counts what an agent holds: plain Java. */
class SlotKindTest {

  @Test
  void theSlotWrittenDownIsGivenBackWhateverTheSiteSaysNow() {
    assertEquals(SlotKind.EMAIL, SlotKind.held(Conversation.EMAIL, SlotKind.EMAIL, null), "e-mail slots switched off since");
    assertEquals(SlotKind.CHAT, SlotKind.held(Conversation.EMAIL, SlotKind.CHAT, 3), "e-mail slots switched on since");
  }

  @Test
  void withoutASlotWrittenDownTheSitesSettingNowDecidesAsBefore() {
    assertEquals(SlotKind.EMAIL, SlotKind.held(Conversation.EMAIL, null, 3));
    assertEquals(SlotKind.CHAT, SlotKind.held(Conversation.EMAIL, null, null));
    assertEquals(SlotKind.CHAT, SlotKind.held(Conversation.CHAT, null, 3), "a chat never holds an e-mail slot");
  }

  @Test
  void slotsAreStoredByNameAndAMissingOrUnknownNameIsNone() {
    assertEquals(SlotKind.EMAIL, SlotKind.fromWire(SlotKind.EMAIL.wire()));
    assertEquals(SlotKind.CHAT, SlotKind.fromWire("chat"));
    assertNull(SlotKind.fromWire(null));
    assertNull(SlotKind.fromWire("fax"));
    assertEquals(SlotKind.EMAIL, SlotKind.claimed(true));
    assertEquals(SlotKind.CHAT, SlotKind.claimed(false));
  }

  @Test
  void theAuditCountsChatSlotsByWhatIsWrittenDownAndOnlyUnmarkedEmailsBySetting() {
    Holding anna = Holding.of(Conversation.CHAT, SlotKind.CHAT)
        .plus(Holding.of(Conversation.EMAIL, SlotKind.CHAT)) // taken while e-mails had no slots of their own
        .plus(Holding.of(Conversation.EMAIL, SlotKind.EMAIL)) // taken in an e-mail slot
        .plus(Holding.of(Conversation.EMAIL, null)) // stored before slots were written down
        .plus(Holding.of(Conversation.CHAT, null));
    assertEquals(new Holding(3, 1, 1), anna);
    assertEquals(3, anna.chatSlotsTaken(true), "the unmarked e-mail is in an e-mail slot");
    assertEquals(4, anna.chatSlotsTaken(false), "the unmarked e-mail is in a chat slot");
  }
}
