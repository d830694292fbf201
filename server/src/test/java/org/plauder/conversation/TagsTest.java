package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.protocol.Failure;

class TagsTest {

  @Test
  void aTagIsStrippedLowerCasedAndItsSpacesBecomeDashes() {
    assertEquals("rückgabe", Tags.normalise("  RÜCKGABE "));
    assertEquals("falsche-lieferung", Tags.normalise("Falsche   Lieferung"));
    assertEquals("vip_2026", Tags.normalise("VIP_2026"));
  }

  @Test
  void aTagThatIsEmptyTooLongOrHoldsOtherCharactersIsRefused() {
    for (Object bad : new Object[] {"", "   ", "a".repeat(Tags.MAX_LENGTH + 1), "<b>", "a,b", "tag!", "zeile\nzwei", 42, null}) {
      Failure refused = assertThrows(Failure.class, () -> Tags.normalise(bad), String.valueOf(bad));
      assertEquals("invalid_input", refused.code());
    }
    assertEquals(Tags.MAX_LENGTH, Tags.normalise("a".repeat(Tags.MAX_LENGTH)).length());
  }

  @Test
  void aTagTheStoreDidNotAddBecauseTheConversationWasFullIsRefused() {
    List<String> after = List.of("versand", "rückgabe");
    assertSame(after, Tags.requireAdded(after, "rückgabe"), "added, or there already");
    Failure refused = assertThrows(Failure.class, () -> Tags.requireAdded(after, "one-more"));
    assertEquals("too_many_tags", refused.code());
    assertTrue(refused.getMessage().contains(String.valueOf(Tags.MAX_PER_CONVERSATION)));
  }
}
