package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The chat a left message carries: plain text rules, no server. */
class LeftAfterChatTest {

  @Test
  void aShortChatGoesWholeUnderItsHeading() {
    assertEquals("The chat before this message:\n\n[10:00] Eva: Hallo", LeftAfterChat.note("[10:00] Eva: Hallo", false, 4000));
    assertEquals("Der Chat vor dieser Nachricht:\n\n[10:00] Eva: Hallo", LeftAfterChat.note("[10:00] Eva: Hallo", true, 4000));
  }

  @Test
  void aLongChatKeepsItsEndAndFitsAMessage() {
    String transcript = "start\n" + "x".repeat(5000) + "\nthe last line 😀";
    String note = LeftAfterChat.note(transcript, false, 4000);
    assertEquals(4000, note.codePointCount(0, note.length()));
    assertTrue(note.startsWith("The chat before this message:\n\n…\n"), note.substring(0, 40));
    assertTrue(note.endsWith("\nthe last line 😀"), "the end, with its emoji whole");
  }
}
