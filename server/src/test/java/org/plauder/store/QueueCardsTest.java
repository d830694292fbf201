package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.QueueCard;
import org.plauder.conversation.SlotKind;

/**
 * A waiting chat's card is kept on its queue entry and its conversation, the first one only, and
 * comes back with the entry when the chat returns to the queue, is released by the bot, or the
 * entries are rebuilt; on the real driver and embedded database.
 */
@ExtendWith(EmbeddedStore.class)
class QueueCardsTest {

  private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
  private static final QueueCard FIRST = new QueueCard("Wo bleibt mein Paket?", "https://shop.example/konto", "Mein Konto");

  private Conversations conversations;
  private QueueCards cards;

  @BeforeEach
  void start(Database db) {
    conversations = new Conversations(db);
    cards = new QueueCards(db);
  }

  private QueueCard cardInQueue() {
    return await(conversations.queueHeads("demo", 100)).get(0).card();
  }

  @Test
  void theFirstCardStaysOnTheEntryAndReturnsWithTheChat() {
    Conversation eva = await(conversations.openQueued("demo", "v1", 1, "Eva", null, ChatNeeds.NONE, T));
    assertEquals(QueueCard.NONE, cardInQueue());

    assertTrue(await(cards.note(eva.id(), FIRST)), "the entry took it");
    assertFalse(await(cards.note(eva.id(), new QueueCard("Hallo?", null, null))), "a later message changes nothing");
    assertEquals(FIRST, cardInQueue());

    // assigned (the entry goes), then back to the queue: the card comes back with it
    await(conversations.activate(eva.id(), "anna", "Anna", SlotKind.CHAT, T.plusSeconds(5)));
    assertTrue(await(conversations.queueHeads("demo", 100)).isEmpty());
    assertNotNull(await(conversations.requeue(eva.id(), "anna")));
    assertEquals(FIRST, cardInQueue());

    // entries rebuilt at start-up keep it too
    await(conversations.rebuildRoutingEntries());
    assertEquals(FIRST, cardInQueue());
  }

  @Test
  void aChatHeldByTheBotGetsItsCardOnceItJoinsTheQueue(Database db) {
    HeldChats held = new HeldChats(db, conversations);
    Conversation eva = await(held.openHeld("demo", "v1", "Eva", null, T));
    assertFalse(await(cards.note(eva.id(), FIRST)), "no queue entry yet: nothing to tell");
    assertTrue(await(conversations.queueHeads("demo", 100)).isEmpty());

    await(held.takeHold(eva.id(), 7, true));
    assertEquals(FIRST, cardInQueue());
  }
}
