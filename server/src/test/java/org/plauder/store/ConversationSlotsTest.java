package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plauder.TestNode.await;

import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore.Holding;
import org.plauder.conversation.SlotKind;

/**
 * The slot a conversation took is written on its document and read back, a hand-over moves only
 * while the slot is still the one read, and a conversation stored before slots were written down
 * still moves and is counted as an e-mail whose slot the site's setting says; on the real driver and
 * embedded database.
 */
@ExtendWith(EmbeddedStore.class)
class ConversationSlotsTest {

  private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

  private Conversations conversations;

  @BeforeEach
  void start(Database db) {
    conversations = new Conversations(db);
  }

  private Conversation queuedEmail(String visitorId, long ticket) {
    return await(conversations.openQueued("demo", visitorId, ticket, null, visitorId + "@kunde.test", ChatNeeds.NONE, T,
        Conversation.EMAIL));
  }

  @Test
  void theSlotTakenIsWrittenDownAndAHandOverMovesOnlyWhileItIsStillTheOneRead() {
    Conversation mail = queuedEmail("v1", 1);
    assertNull(mail.slot(), "waiting, it holds none");
    Conversation active = await(conversations.activate(mail.id(), "anna", "Anna", SlotKind.EMAIL, T.plusSeconds(1)));
    assertEquals(SlotKind.EMAIL, active.slot());
    assertEquals(SlotKind.EMAIL, await(conversations.find(mail.id())).slot());
    assertEquals(Map.of("anna", new Holding(0, 1, 0)), await(conversations.activeByAgent()));

    Conversation asIfChat = new Conversation(active.id(), active.siteKey(), active.visitorId(), active.agentId(), active.agentName(),
        active.status(), active.queueTicket(), active.createdAt(), active.assignedAt(), null, null, null, 0, null, null,
        active.visitorEmail(), ChatNeeds.NONE, Conversation.EMAIL, SlotKind.CHAT, null);
    assertNull(await(conversations.reassign(asIfChat, "ben", "Ben", SlotKind.CHAT, false)), "not the slot read: no move");
    Conversation moved = await(conversations.reassign(active, "ben", "Ben", SlotKind.CHAT, false));
    assertEquals("ben", moved.agentId());
    assertEquals(SlotKind.CHAT, moved.slot(), "Ben took a chat slot for it");
    assertEquals(Map.of("ben", new Holding(1, 0, 0)), await(conversations.activeByAgent()));

    Conversation back = await(conversations.requeue(mail.id(), "ben"));
    assertEquals(SlotKind.CHAT, back.slot(), "requeued, it still says what Ben gives back");
    assertEquals(Map.of(), await(conversations.activeByAgent()));
  }

  @Test
  void aConversationStoredBeforeSlotsWereWrittenDownStillMovesAndCountsAsUnmarked(Database db) {
    Conversation mail = queuedEmail("v1", 1);
    await(conversations.activate(mail.id(), "anna", "Anna", SlotKind.EMAIL, T.plusSeconds(1)));
    await(Reactive.done(db.conversations().updateOne(eq("_id", mail.id()), Updates.unset("slot"))));

    Conversation old = await(conversations.find(mail.id()));
    assertNull(old.slot());
    assertEquals(Map.of("anna", new Holding(0, 0, 1)), await(conversations.activeByAgent()));
    assertEquals(SlotKind.EMAIL, old.slotHeld(2), "on a site with e-mail slots of their own, an e-mail slot");
    assertEquals(SlotKind.CHAT, old.slotHeld(null), "on one without, a chat slot");

    Conversation moved = await(conversations.reassign(old, "ben", "Ben", SlotKind.EMAIL, false));
    assertEquals("ben", moved.agentId());
    assertEquals(SlotKind.EMAIL, moved.slot(), "from now on written down");
  }
}
