package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.routing.SlotLeaks.Seen;

class SlotLeaksTest {

  private final SlotLeaks leaks = new SlotLeaks();

  @Test
  void aSlotNoChatHoldsInTwoLooksInARowIsALeak() {
    Seen anna = new Seen("anna", "demo", 5, 4, false);
    assertEquals(List.of(), leaks.look(List.of(anna)), "one look could be a hand-over in flight");
    assertEquals(List.of(anna), leaks.look(List.of(anna)));
    assertEquals(List.of(), leaks.look(List.of(new Seen("anna", "demo", 4, 4, false))), "corrected: nothing more to do");
  }

  @Test
  void aMismatchThatChangedBetweenLooksIsStillMovingAndLeftAlone() {
    leaks.look(List.of(new Seen("anna", "demo", 5, 4, false)));
    assertEquals(List.of(), leaks.look(List.of(new Seen("anna", "demo", 6, 5, false))));
    assertEquals(List.of(new Seen("anna", "demo", 6, 5, false)), leaks.look(List.of(new Seen("anna", "demo", 6, 5, false))));
  }

  @Test
  void agentsWithAsManySlotsAsChatsAreNeverTouched() {
    leaks.look(List.of(new Seen("ben", "demo", 3, 3, false), new Seen("cem", "demo", 0, 0, false)));
    assertEquals(List.of(), leaks.look(List.of(new Seen("ben", "demo", 3, 3, false), new Seen("cem", "demo", 0, 0, false))));
  }

  @Test
  void anEmailSlotNothingHoldsIsALeakOfItsOwnBesideTheChatSlots() {
    Seen chats = new Seen("anna", "demo", 2, 2, false);
    Seen emails = new Seen("anna", "demo", 3, 1, true);
    assertEquals(List.of(), leaks.look(List.of(chats, emails)));
    assertEquals(List.of(emails), leaks.look(List.of(chats, emails)), "the e-mail slots leak, the chat slots do not");
    Seen chatLeak = new Seen("anna", "demo", 3, 2, false);
    assertEquals(List.of(), leaks.look(List.of(chatLeak, new Seen("anna", "demo", 1, 1, true))),
        "one kind's look does not count as the other's");
  }

  @Test
  void aMismatchThatWentAwayAndCameBackStartsAgain() {
    Seen leaking = new Seen("anna", "demo", 2, 1, false);
    leaks.look(List.of(leaking));
    leaks.look(List.of(new Seen("anna", "demo", 1, 1, false)));
    assertEquals(List.of(), leaks.look(List.of(leaking)));
    assertEquals(List.of(leaking), leaks.look(List.of(leaking)));
  }
}
