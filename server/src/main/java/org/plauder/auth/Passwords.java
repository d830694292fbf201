package org.plauder.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing of agent passwords. Both methods are CPU-heavy on purpose: call them from
 * a worker thread, never from an event loop.
 */
public final class Passwords {

  private final int cost;
  private final String decoyHash;

  public Passwords(int cost) {
    this.cost = cost;
    // Compared against when the e-mail is unknown, so a failed login takes as long either way.
    this.decoyHash = hash("decoy-password-never-used");
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    String stored = hash == null ? decoyHash : hash;
    boolean verified = BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8))
        .verified;
    return hash != null && verified;
  }
}
