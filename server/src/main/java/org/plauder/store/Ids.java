package org.plauder.store;

import org.bson.types.ObjectId;

/** Server-minted identifiers: 24 hex digits, never taken from a client. */
public final class Ids {

  private Ids() {}

  public static String newId() {
    return new ObjectId().toHexString();
  }

  /** Whether a client-supplied value can be an id at all; anything else is refused before a query. */
  public static boolean isValid(Object value) {
    return value instanceof String s && ObjectId.isValid(s);
  }
}
