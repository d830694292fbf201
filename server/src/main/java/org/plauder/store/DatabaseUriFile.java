package org.plauder.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code database.uri} in the data directory of the embedded database's own process: the full
 * connection string nodes use (password included), readable by its owner only. The password in it
 * is reused at the next start, so nodes find the database again after it restarts.
 */
final class DatabaseUriFile {

  static final String NAME = "database.uri";
  private static final String LOGIN = "mongodb://" + EmbeddedDoor.USER + ":";

  private final OwnerOnlyFile file;

  DatabaseUriFile(Path dataDir) {
    this.file = new OwnerOnlyFile(dataDir.resolve(NAME));
  }

  /** The password of the last start, if there was one. */
  Optional<String> password() {
    return file.read().map(uri -> {
      int at = uri.indexOf('@');
      if (!uri.startsWith(LOGIN) || at < LOGIN.length()) {
        throw new IllegalStateException(file.path() + " does not hold a connection string of the embedded database; delete it to get a new one");
      }
      return uri.substring(LOGIN.length(), at);
    });
  }

  /** Replaces the file (owner-only, rw-------) with {@code uri}. */
  void write(String uri) {
    file.replace(uri);
  }

  Path path() {
    return file.path();
  }
}
