package org.plauder.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How often the offer planner asks the store whether a site's agents have room. */
class SiteRoomTest {

  private final List<String> asked = new ArrayList<>();
  private final List<Promise<Boolean>> answers = new ArrayList<>();
  private long nanos = 1_000;
  private final SiteRoom room = new SiteRoom(siteKey -> {
    asked.add(siteKey);
    Promise<Boolean> answer = Promise.promise();
    answers.add(answer);
    return answer.future();
  }, () -> nanos);

  private static final long FRESH = SiteRoom.FRESH_FOR.toNanos();

  @Test
  void visitorsOfOneSiteDueWithinTheFreshnessShareOneQuestionEvenWhileItIsUnderWay() {
    Future<Boolean> first = room.anyRoom("shop");
    nanos += FRESH / 2;
    Future<Boolean> second = room.anyRoom("shop");
    assertEquals(List.of("shop"), asked);
    answers.get(0).complete(false);
    assertFalse(first.result());
    assertFalse(second.result());

    nanos += FRESH / 2 - 1;
    assertFalse(room.anyRoom("shop").result(), "still fresh");
    assertEquals(1, asked.size());
  }

  @Test
  void anAnswerOlderThanTheFreshnessIsAskedAgainSoThatRoomFoundLaterIsSeen() {
    room.anyRoom("shop");
    answers.get(0).complete(false);
    nanos += FRESH;
    Future<Boolean> later = room.anyRoom("shop");
    assertEquals(2, asked.size());
    answers.get(1).complete(true);
    assertTrue(later.result());
  }

  @Test
  void eachSiteIsAskedForItself() {
    room.anyRoom("shop");
    room.anyRoom("other");
    assertEquals(List.of("shop", "other"), asked);
    answers.get(0).complete(false);
    answers.get(1).complete(true);
    assertFalse(room.anyRoom("shop").result());
    assertTrue(room.anyRoom("other").result());
    assertEquals(2, asked.size());
  }

  @Test
  void aFailedQuestionIsNotKeptTheNextVisitorAsksAgain() {
    Future<Boolean> failed = room.anyRoom("shop");
    answers.get(0).fail(new IllegalStateException("the database did not answer"));
    assertTrue(failed.failed());
    Future<Boolean> next = room.anyRoom("shop");
    assertEquals(2, asked.size());
    answers.get(1).complete(true);
    assertTrue(next.result());
  }
}
