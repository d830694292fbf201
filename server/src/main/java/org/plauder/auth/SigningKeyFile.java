package org.plauder.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that signs tokens when PLAUDER_JWT_SECRET is not set: a file in the data directory that
 * only the server's user may read, never a document in the database (whoever can read the
 * database must not be able to sign an admin token). Blocking file work: call it off the event loop.
 */
public final class SigningKeyFile {

  static final String NAME = "token-signing.key";

  private final Path file;

  public SigningKeyFile(Path dataDir) {
    this.file = dataDir.resolve(NAME);
  }

  public Optional<String> read() {
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token signing key " + file, e);
    }
  }

  /** Writes the key (owner-only) unless a file is there already; returns the key the file holds. */
  public String write(String key) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), NAME, ".tmp", PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
      try {
        // Not REPLACE_EXISTING: of two nodes starting on one data directory, the first key wins.
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.delete(tmp);
      }
      return read().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the token signing key " + file, e);
    }
  }

  public static String freshKey() {
    byte[] bytes = new byte[64];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public Path path() {
    return file;
  }
}
