package org.plauder.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * {@code database.uri} in the data directory of the embedded database's own process: the full
 * connection string nodes use (password included), readable by its owner only. The password in it
 * is reused at the next start, so nodes find the database again after it restarts.
 */
final class DatabaseUriFile {

  static final String NAME = "database.uri";
  private static final String LOGIN = "mongodb://" + EmbeddedDoor.USER + ":";

  private final Path file;

  DatabaseUriFile(Path dataDir) {
    this.file = dataDir.resolve(NAME).toAbsolutePath();
  }

  /** The password of the last start, if there was one. */
  Optional<String> password() {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String uri = Files.readString(file, StandardCharsets.UTF_8).trim();
      int at = uri.indexOf('@');
      if (!uri.startsWith(LOGIN) || at < LOGIN.length()) {
        throw new IllegalStateException(file + " does not hold a connection string of the embedded database; delete it to get a new one");
      }
      return Optional.of(uri.substring(LOGIN.length(), at));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Replaces the file (owner-only, rw-------) with {@code uri}. */
  void write(String uri) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), NAME, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  Path path() {
    return file;
  }
}
