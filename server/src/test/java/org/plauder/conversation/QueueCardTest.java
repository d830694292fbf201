package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A waiting chat's card: the first words on one line, shortened without cutting a word, and the page. */
class QueueCardTest {

  private static ChatMessage visitorSays(String text) {
    return new ChatMessage("c1", 1, ChatMessage.Sender.VISITOR, "v1", "Eva", text, "m-1", Instant.EPOCH);
  }

  @Test
  void aShortMessageIsItsOwnPreviewOnOneLine() {
    assertEquals("Hallo, wo bleibt mein Paket?", QueueCard.preview("  Hallo,\n\n  wo bleibt \t mein Paket?  "));
  }

  @Test
  void aLongMessageIsCutAtTheLastSpaceBeforeTheLimitWithAnEllipsis() {
    String text = "Ich habe am Montag eine Bestellung aufgegeben ".repeat(5);
    String preview = QueueCard.preview(text);
    assertTrue(preview.endsWith("…"), preview);
    assertTrue(preview.length() <= QueueCard.PREVIEW_LENGTH + 1, preview);
    String withoutEllipsis = preview.substring(0, preview.length() - 1);
    assertTrue(text.startsWith(withoutEllipsis + " "), "ends at a whole word: " + preview);
  }

  @Test
  void aLongWordIsCutAtTheLimitAndNoSurrogatePairIsSplit() {
    String emoji = "\uD83D\uDE00";
    String preview = QueueCard.preview(emoji.repeat(200));
    assertEquals(emoji.repeat(QueueCard.PREVIEW_LENGTH) + "…", preview);
  }

  @Test
  void exactlyTheLimitStaysWhole() {
    String text = "a".repeat(QueueCard.PREVIEW_LENGTH);
    assertEquals(text, QueueCard.preview(text));
  }

  @Test
  void anEmptyTextHasNoPreview() {
    assertNull(QueueCard.preview("  \n "));
    assertNull(QueueCard.preview(null));
  }

  @Test
  void theCardHasThePreviewAndThePage() {
    QueueCard card = QueueCard.of(visitorSays("Hallo <b>da</b>"), "https://shop.example/kasse", "Kasse");
    assertEquals(new QueueCard("Hallo <b>da</b>", "https://shop.example/kasse", "Kasse"), card);
    assertFalse(card.isEmpty());
  }

  @Test
  void aFileIsShownByItsName() {
    ChatMessage file = new ChatMessage("c1", 1, ChatMessage.Sender.VISITOR, "v1", "Eva", "rechnung.pdf", "m-1", Instant.EPOCH,
        new Attachment("f1", "rechnung.pdf", "application/pdf", 1000));
    assertEquals("\uD83D\uDCCE rechnung.pdf", QueueCard.of(file, null, null).preview());
  }

  @Test
  void noCardMeansNothingToShow() {
    assertTrue(QueueCard.NONE.isEmpty());
    assertEquals(QueueCard.NONE, QueueCard.orNone(null));
    assertEquals(QueueCard.NONE, new QueuedChat("c1", "v1", null, Instant.EPOCH, null).card());
  }
}
