package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WaitEstimateTest {

  @Test
  void withTooFewRecentAssignmentsThereIsNoEstimate() {
    assertNull(WaitEstimate.seconds(1, 0));
    assertNull(WaitEstimate.seconds(3, 1));
  }

  @Test
  void theWaitGrowsWithThePositionAtTheRecentRate() {
    // 30 assignments in 30 minutes: one a minute.
    assertEquals(60, WaitEstimate.seconds(1, 30));
    assertEquals(300, WaitEstimate.seconds(5, 30));
    // 2 in 30 minutes: one every 15 minutes.
    assertEquals(900, WaitEstimate.seconds(1, 2));
  }

  @Test
  void aVisitorNotInTheQueueHasNoEstimate() {
    assertNull(WaitEstimate.seconds(0, 100));
  }
}
