package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plauder.conversation.ChatMessage;

/**
 * The messages of deleted conversations (retention, a visitor's erasure) are deleted by their exact
 * ids, all of them also when the recorded last seq trails the messages, and no one else's; on the
 * real driver and embedded database.
 */
@ExtendWith(EmbeddedStore.class)
class MessageDeletionTest {

  private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

  private Messages messages;

  @BeforeEach
  void start(Database db) {
    messages = new Messages(db);
  }

  private void write(String conversationId, int count) {
    for (int seq = 1; seq <= count; seq++) {
      await(messages.insert(new ChatMessage(conversationId, seq, ChatMessage.Sender.VISITOR, "v", "Eva", "Nachricht " + seq,
          "m" + seq, T.plusSeconds(seq), null), "demo"));
    }
  }

  private long stored(String conversationId) {
    return await(messages.after(conversationId, 0, 1000, 1000)).messages().size();
  }

  @Test
  void everyMessageGoesAlsoPastATrailingLastSeqAndOthersStay() {
    write("recorded", 5);
    write("trailing", 300); // recorded as 2: past the hint by more than one round of the next seqs, and the next
    write("none", 3); // recorded as 0: its messages were written, its last seq not yet
    write("kept", 4);

    long deleted = await(messages.deleteOfConversations(Map.of("recorded", 5L, "trailing", 2L, "none", 0L, "empty", 0L)));

    assertEquals(308, deleted);
    for (String gone : List.of("recorded", "trailing", "none")) {
      assertEquals(0, stored(gone), gone);
    }
    assertEquals(4, stored("kept"));
  }

  @Test
  void nothingToDeleteDeletesNothing() {
    write("kept", 2);
    assertEquals(0L, await(messages.deleteOfConversations(Map.of())));
    assertEquals(0L, await(messages.deleteOfConversations(Map.of("empty", 0L, "other", 7L))));
    assertEquals(2, stored("kept"));
  }
}
