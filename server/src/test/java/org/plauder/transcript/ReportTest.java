package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void nearestRankPercentiles() {
    List<Long> values = List.of(5L, 1L, 4L, 2L, 3L, 10L, 9L, 8L, 7L, 6L);
    assertEquals(5L, Report.percentile(values, 50));
    assertEquals(9L, Report.percentile(values, 90));
    assertEquals(7L, Report.percentile(List.of(7L), 90));
    assertNull(Report.percentile(List.of(), 50));
  }

  @Test
  void anEmptyPeriodHasNoFigures() {
    Report empty = Report.of(List.of());
    assertEquals(0, empty.chats());
    assertNull(empty.waitMedianSeconds());
    assertNull(empty.ratingAverage());
  }
}
