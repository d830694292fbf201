package org.plauder.auth;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.plauder.store.OwnerOnlyFile;

/**
 * The key that signs tokens when PLAUDER_JWT_SECRET is not set: a file in the data directory that
 * only the server's user may read, never a document in the database (whoever can read the
 * database must not be able to sign an admin token). Blocking file work: call it off the event loop.
 */
public final class SigningKeyFile {

  static final String NAME = "token-signing.key";

  private final OwnerOnlyFile file;

  public SigningKeyFile(Path dataDir) {
    this.file = new OwnerOnlyFile(dataDir.resolve(NAME));
  }

  public Optional<String> read() {
    return file.read();
  }

  /** Writes the key unless a file is there already (of two nodes starting on one data directory, the first key wins); returns the key the file holds. */
  public String write(String key) {
    return file.createOrRead(key);
  }

  public static String freshKey() {
    byte[] bytes = new byte[64];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public Path path() {
    return file.path();
  }
}
