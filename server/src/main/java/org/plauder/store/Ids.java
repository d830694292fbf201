package org.plauder.store;

import org.bson.types.ObjectId;

/** Server-minted identifiers: 24 hex digits, never taken from a client. */
public final class Ids {

  private Ids() {}

  public static String newId() {
    return new ObjectId().toHexString();
  }
}
