package org.plauder.store;

import java.time.Instant;
import java.util.Date;

/** BSON stores dates as java.util.Date; the code works with Instant. */
final class Dates {

  private Dates() {}

  static Date toDate(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
