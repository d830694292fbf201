package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
  void addingATagThereAlreadyChangesNothingAndTheEleventhIsRefused() {
    List<String> tags = List.of("versand");
    assertSame(tags, Tags.added(tags, "versand"));
    assertEquals(List.of("versand", "rückgabe"), Tags.added(tags, "rückgabe"));
    List<String> full = new ArrayList<>();
    for (int i = 0; i < Tags.MAX_PER_CONVERSATION; i++) {
      full.add("tag" + i);
    }
    Failure refused = assertThrows(Failure.class, () -> Tags.added(full, "one-more"));
    assertEquals("too_many_tags", refused.code());
    assertTrue(Tags.added(full, "tag3") == full, "a tag there already is no new one");
  }
}
