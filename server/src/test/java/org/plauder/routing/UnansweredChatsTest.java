package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;

/** When an unanswered chat is due to move, on a clock the test moves by hand. */
class UnansweredChatsTest {

  private static final Duration NINETY = Duration.ofSeconds(90);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final UnansweredChats chats = new UnansweredChats();

  @Test
  void aChatIsDueExactlyWhenTheReplyTimeHasPassedAndOnlyOnce() {
    chats.assigned("c1", "demo", "anna", clock.instant(), NINETY);

    clock.advance(Duration.ofSeconds(89));
    assertTrue(chats.dueAt(clock.instant()).isEmpty());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(new UnansweredChats.Due("c1", "demo", "anna")), chats.dueAt(clock.instant()));
    assertTrue(chats.dueAt(clock.instant().plusSeconds(60)).isEmpty(), "told once");
  }

  @Test
  void anAnswerOrTheEndOfTheChatStopsTheWatch() {
    chats.assigned("answered", "demo", "anna", clock.instant(), NINETY);
    chats.assigned("ended", "demo", "anna", clock.instant(), NINETY);
    chats.assigned("silent", "demo", "anna", clock.instant(), NINETY);
    chats.settled("answered");
    chats.settled("ended");

    clock.advance(Duration.ofMinutes(5));
    assertEquals(List.of(new UnansweredChats.Due("silent", "demo", "anna")), chats.dueAt(clock.instant()));
  }

  @Test
  void aHandOverStartsTheReplyTimeAgainForTheNewAgent() {
    chats.assigned("c1", "demo", "anna", clock.instant(), NINETY);
    clock.advance(Duration.ofSeconds(90));
    chats.dueAt(clock.instant());
    chats.assigned("c1", "demo", "ben", clock.instant(), NINETY);

    clock.advance(Duration.ofSeconds(60));
    assertTrue(chats.dueAt(clock.instant()).isEmpty(), "Ben has his own 90 s");
    clock.advance(Duration.ofSeconds(30));
    assertEquals(List.of(new UnansweredChats.Due("c1", "demo", "ben")), chats.dueAt(clock.instant()));
  }

  @Test
  void aSiteWithTheReplyTimeOffWatchesNothingAndDueChatsComeOldestFirst() {
    chats.assigned("off", "demo", "anna", clock.instant(), Duration.ZERO);
    chats.assigned("later", "demo", "anna", clock.instant().plusSeconds(10), NINETY);
    chats.assigned("earlier", "demo", "ben", clock.instant(), NINETY);

    clock.advance(Duration.ofHours(1));
    assertEquals(List.of("earlier", "later"), chats.dueAt(clock.instant()).stream().map(UnansweredChats.Due::conversationId).toList());
    assertEquals(0, chats.size());
  }
}
