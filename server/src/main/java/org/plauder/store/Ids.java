package org.plauder.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bson.types.ObjectId;

/** Server-minted identifiers: 24 hex digits, never taken from a client. */
public final class Ids {

  private Ids() {}

  public static String newId() {
    return new ObjectId().toHexString();
  }

  /**
   * The same id every time for the same parts, shaped like the others: the first 24 hex digits
   * of their SHA-256. For what must be stored once however often a client asks.
   */
  static String derivedFrom(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
