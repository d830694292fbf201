package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.routing.SlotLeaks.Seen;

class SlotLeaksTest {

  private final SlotLeaks leaks = new SlotLeaks();

  @Test
  void aSlotNoChatHoldsInTwoLooksInARowIsALeak() {
    Seen anna = new Seen("anna", "demo", 5, 4);
    assertEquals(List.of(), leaks.look(List.of(anna)), "one look could be a hand-over in flight");
    assertEquals(List.of(anna), leaks.look(List.of(anna)));
    assertEquals(List.of(), leaks.look(List.of(new Seen("anna", "demo", 4, 4))), "corrected: nothing more to do");
  }

  @Test
  void aMismatchThatChangedBetweenLooksIsStillMovingAndLeftAlone() {
    leaks.look(List.of(new Seen("anna", "demo", 5, 4)));
    assertEquals(List.of(), leaks.look(List.of(new Seen("anna", "demo", 6, 5))));
    assertEquals(List.of(new Seen("anna", "demo", 6, 5)), leaks.look(List.of(new Seen("anna", "demo", 6, 5))));
  }

  @Test
  void agentsWithAsManySlotsAsChatsAreNeverTouched() {
    leaks.look(List.of(new Seen("ben", "demo", 3, 3), new Seen("cem", "demo", 0, 0)));
    assertEquals(List.of(), leaks.look(List.of(new Seen("ben", "demo", 3, 3), new Seen("cem", "demo", 0, 0))));
  }

  @Test
  void aMismatchThatWentAwayAndCameBackStartsAgain() {
    Seen leaking = new Seen("anna", "demo", 2, 1);
    leaks.look(List.of(leaking));
    leaks.look(List.of(new Seen("anna", "demo", 1, 1)));
    assertEquals(List.of(), leaks.look(List.of(leaking)));
    assertEquals(List.of(leaking), leaks.look(List.of(leaking)));
  }
}
