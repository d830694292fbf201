package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A message's document id: its conversation id and its seq zero-padded to ten digits, so ids sort in seq order. */
class MessageIdsTest {

  @Test
  void theSeqIsPaddedToTenDigitsAsTheFormatterWouldPadIt() {
    assertEquals("c1:0000000001", Messages.idOf("c1", 1));
    assertEquals("c1:0000000500", Messages.idOf("c1", 500));
    for (long seq : new long[] {0, 9, 10, 99, 123456789, 999999999, 1000000000L, 12345678901L, -5}) {
      assertEquals("conv:" + String.format("%010d", seq), Messages.idOf("conv", seq));
    }
  }
}
