package org.plauder.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.abuse.SocketBudget.Verdict.CUT_OFF;
import static org.plauder.abuse.SocketBudget.Verdict.DROP;
import static org.plauder.abuse.SocketBudget.Verdict.PASS;
import static org.plauder.abuse.SocketBudget.Verdict.REFUSE;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.abuse.SocketBudget.Verdict;

class SocketBudgetTest {

  static final long MS = 1_000_000L;

  /** The verdicts for {@code count} frames sent {@code gapMs} apart, starting at {@code startMs}. */
  static List<Verdict> send(SocketBudget budget, long startMs, int count, double gapMs) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      verdicts.add(budget.spend((long) ((startMs + i * gapMs) * MS)));
    }
    return verdicts;
  }

  @Test
  void aBurstUpToTheBudgetPassesAndTheNextFrameIsRefused() {
    SocketBudget budget = new SocketBudget(0);
    List<Verdict> verdicts = send(budget, 0, SocketBudget.FRAMES_AT_ONCE + 1, 0);
    assertEquals(SocketBudget.FRAMES_AT_ONCE, verdicts.stream().filter(v -> v == PASS).count());
    assertEquals(REFUSE, verdicts.get(SocketBudget.FRAMES_AT_ONCE));
  }

  @Test
  void aClientAtTheSteadyRateIsNeverRefused() {
    SocketBudget budget = new SocketBudget(0);
    List<Verdict> verdicts = send(budget, 0, 1200, 1000 / SocketBudget.FRAMES_PER_SECOND);
    assertTrue(verdicts.stream().allMatch(v -> v == PASS));
  }

  @Test
  void aPauseEarnsTheBurstBack() {
    SocketBudget budget = new SocketBudget(0);
    send(budget, 0, SocketBudget.FRAMES_AT_ONCE + 10, 0);
    long later = (long) (SocketBudget.FRAMES_AT_ONCE / SocketBudget.FRAMES_PER_SECOND * 1000) + 1;
    assertTrue(send(budget, later, SocketBudget.FRAMES_AT_ONCE, 0).stream().allMatch(v -> v == PASS));
  }

  @Test
  void aClientALittleOverTheBudgetIsThrottledButNotCutOff() {
    SocketBudget budget = new SocketBudget(0);
    List<Verdict> verdicts = send(budget, 0, 750, 40); // 25 frames a second for 30 s
    assertTrue(verdicts.contains(REFUSE));
    assertTrue(!verdicts.contains(CUT_OFF) && !verdicts.contains(DROP));
  }

  @Test
  void aFloodIsCutOffOnceAndEverythingAfterIsDropped() {
    SocketBudget budget = new SocketBudget(0);
    List<Verdict> verdicts = send(budget, 0, 4000, 0.075); // 4,000 frames in 0.3 s
    assertEquals(1, verdicts.stream().filter(v -> v == CUT_OFF).count());
    int cut = verdicts.indexOf(CUT_OFF);
    assertTrue(cut <= SocketBudget.FRAMES_AT_ONCE + SocketBudget.REFUSALS_AT_ONCE + 10, "cut off at frame " + cut);
    assertTrue(verdicts.subList(cut + 1, verdicts.size()).stream().allMatch(v -> v == DROP));
  }

  @Test
  void aSteadyFloodIsCutOffWithinSeconds() {
    SocketBudget budget = new SocketBudget(0);
    List<Verdict> verdicts = send(budget, 0, 500, 10); // 100 frames a second for 5 s
    assertTrue(verdicts.contains(CUT_OFF));
  }
}
