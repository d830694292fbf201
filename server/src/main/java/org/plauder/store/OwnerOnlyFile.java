package org.plauder.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A one-line secret in a file only its owner may read (rw-------), written whole or not at all:
 * the embedded database's login, the token signing key. Blocking file work.
 */
public final class OwnerOnlyFile {

  private final Path file;

  public OwnerOnlyFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path path() {
    return file;
  }

  /** The file's line, or empty when there is no file. */
  public Optional<String> read() {
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Replaces the file with {@code line}. */
  public void replace(String line) {
    write(line, true);
  }

  /** Writes {@code line} unless the file exists already (then the first writer wins); returns the file's line. */
  public String createOrRead(String line) {
    write(line, false);
    return read().orElseThrow();
  }

  private void write(String line, boolean replace) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, line + "\n", StandardCharsets.UTF_8);
      try {
        if (replace) {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (FileAlreadyExistsException raced) {
        Files.delete(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
