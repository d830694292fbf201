package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.SlotKind;

/**
 * The queue is read from its own entries; entries of chats that no longer wait are dropped, and chats
 * the FAQ bot holds have none until they are released; on the real driver and embedded database.
 */
@ExtendWith(EmbeddedStore.class)
class QueueEntriesTest {

  private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

  private Conversations conversations;
  private HeldChats held;

  @BeforeEach
  void start(Database db) {
    conversations = new Conversations(db);
    held = new HeldChats(db, conversations);
  }

  private List<String> queue() {
    return await(conversations.queueHeads("demo", 100)).stream().map(QueuedChat::conversationId).toList();
  }

  @Test
  void theQueueShowsWhoWaitsSinceWhenAndLosesChatsThatNoLongerWait(Database db) {
    Conversation eva = await(conversations.openQueued("demo", "v1", 1, "Eva", null, ChatNeeds.NONE, T));
    Conversation max = await(conversations.openQueued("demo", "v2", 2, null, null, ChatNeeds.NONE, T.plusSeconds(5)));
    Conversation kim = await(conversations.openQueued("demo", "v3", 3, "Kim", null, ChatNeeds.NONE, T.plusSeconds(9)));
    assertEquals(List.of(new QueuedChat(eva.id(), "v1", "Eva", T, null), new QueuedChat(max.id(), "v2", null, T.plusSeconds(5), null),
        new QueuedChat(kim.id(), "v3", "Kim", T.plusSeconds(9), null)), await(conversations.queueHeads("demo", 100)));

    // A node died after closing Eva's and Max's chats but before their entries went: both entries are stale.
    await(Reactive.done(db.conversations().updateOne(eq("_id", eva.id()), Updates.set("status", "closed"))));
    await(Reactive.done(db.conversations().updateOne(eq("_id", max.id()), Updates.set("status", "closed"))));
    assertEquals(List.of(eva.id(), max.id(), kim.id()), queue());

    // Trying to assign a chat that no longer waits drops its entry at once ...
    assertNull(await(conversations.activate(eva.id(), "anna", "Anna", SlotKind.CHAT, T.plusSeconds(20))));
    assertEquals(List.of(max.id(), kim.id()), queue());
    // ... and the start-up rebuild drops the rest.
    await(conversations.rebuildRoutingEntries());
    assertEquals(List.of(kim.id()), queue());
  }

  @Test
  void aChatClosedWhileItWaitsLeavesTheQueueAndAnAssignedOneClosesWithoutOne() {
    Conversation eva = await(conversations.openQueued("demo", "v1", 1, "Eva", null, ChatNeeds.NONE, T));
    Conversation kim = await(conversations.openQueued("demo", "v3", 3, "Kim", null, ChatNeeds.NONE, T.plusSeconds(9)));
    Conversation max = await(conversations.openQueued("demo", "v2", 2, null, null, ChatNeeds.NONE, T.plusSeconds(5)));
    await(conversations.activate(max.id(), "anna", "Anna", SlotKind.CHAT, T.plusSeconds(10)));
    assertEquals(List.of(eva.id(), kim.id()), queue());

    assertEquals(eva.id(), await(conversations.close(eva.id(), "visitor", T.plusSeconds(20))).id());
    assertEquals(List.of(kim.id()), queue());
    assertEquals(max.id(), await(conversations.close(max.id(), "agent", T.plusSeconds(30))).id());
    assertEquals(List.of(kim.id()), queue());
  }

  @Test
  void aHeldChatIsTheVisitorsOpenChatButNotInTheQueueEvenAfterARestart() {
    Conversation eva = await(held.openHeld("demo", "v1", "Eva", null, T));
    assertTrue(eva.isHeld());
    assertNull(await(held.openHeld("demo", "v1", "Eva", null, T)), "a visitor never has two open chats");
    assertNull(await(conversations.openQueued("demo", "v1", 1, "Eva", null, ChatNeeds.NONE, T)));
    assertEquals(eva.id(), await(conversations.findOpenOfVisitor("v1")).id());
    assertEquals(List.of(), queue());

    await(conversations.rebuildRoutingEntries());
    assertEquals(List.of(), queue(), "the start-up rebuild keeps a held chat out of the queue");
    assertEquals(eva.id(), await(conversations.findOpenOfVisitor("v1")).id());
  }

  @Test
  void theHoldEndsOnceIntoTheQueueOrSettled() {
    Conversation eva = await(held.openHeld("demo", "v1", "Eva", null, T));
    Conversation released = await(held.takeHold(eva.id(), 7, true));
    assertEquals(7, released.queueTicket());
    assertEquals(List.of(eva.id()), queue());
    assertNull(await(held.takeHold(eva.id(), 8, true)), "released once, whoever asks again");

    Conversation max = await(held.openHeld("demo", "v2", "Max", null, T));
    Conversation settled = await(held.takeHold(max.id(), Conversation.SELF_SERVED_TICKET, false));
    assertEquals(Conversation.SELF_SERVED_TICKET, settled.queueTicket());
    assertEquals(List.of(eva.id()), queue(), "a settled chat never joins the queue");
    await(conversations.close(max.id(), "visitor", T.plusSeconds(30)));
    assertTrue(await(conversations.find(max.id())).isSelfServed());
  }

  @Test
  void aNewChatHasNoEntryUntilItWaitsThenItsTicketsPlaceAndARestartGivesItOne() {
    Conversation eva = await(conversations.openQueued("demo", "v1", 1, "Eva", null, ChatNeeds.NONE, T));
    Conversation kim = await(conversations.openQueued("demo", "v3", 3, "Kim", null, ChatNeeds.NONE, T, Conversation.CHAT, false));
    Conversation max = await(conversations.openQueued("demo", "v2", 2, "Max", null, ChatNeeds.NONE, T, Conversation.CHAT, false));
    assertNull(await(conversations.openQueued("demo", "v2", 4, "Max", null, ChatNeeds.NONE, T, Conversation.CHAT, false)),
        "still the visitor's one open chat");
    assertEquals(List.of(eva.id()), queue());

    // Kim's chat is assigned without ever being listed; Max's has to wait and takes its ticket's place.
    assertEquals("anna", await(conversations.activate(kim.id(), "anna", "Anna", SlotKind.CHAT, T, false)).agentId());
    await(conversations.enqueue(max));
    assertEquals(List.of(eva.id(), max.id()), queue());

    // A node stopped between storing a new chat and its routing: the start-up puts it into the queue.
    Conversation ben = await(conversations.openQueued("demo", "v4", 5, "Ben", null, ChatNeeds.NONE, T, Conversation.CHAT, false));
    await(conversations.rebuildRoutingEntries());
    assertEquals(List.of(eva.id(), max.id(), ben.id()), queue());
  }
}
