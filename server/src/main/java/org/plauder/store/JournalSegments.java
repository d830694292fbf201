package org.plauder.store;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The journal's directory: numbered segment files, read record by record, written whole when compacted. */
final class JournalSegments {

  private static final Logger log = LoggerFactory.getLogger(JournalSegments.class);
  private static final String SUFFIX = ".journal";

  private final Path directory;

  JournalSegments(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      try (Stream<Path> leftovers = Files.list(directory)) {
        for (Path tmp : leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
          Files.delete(tmp); // a compaction the process did not finish; its segments are all still there
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the database journal in " + directory, e);
    }
  }

  Path directory() {
    return directory;
  }

  Path path(int number) {
    return directory.resolve(String.format("%08d%s", number, SUFFIX));
  }

  List<Integer> numbers() {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX))
          .map(name -> Integer.parseInt(name.substring(0, name.length() - SUFFIX.length())))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the database journal in " + directory, e);
    }
  }

  long totalBytes() {
    return numbers().stream().mapToLong(n -> path(n).toFile().length()).sum();
  }

  /**
   * Hands every intact record of a segment to the consumer. A torn record can only be the end of
   * the last segment (a write the process did not finish, never acknowledged): that end is cut
   * off. Anywhere else it means the file was damaged, and starting on it would lose data silently.
   */
  void replay(int number, boolean last, Consumer<JournalRecord> consumer) {
    Path file = path(number);
    long intactBytes = 0;
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      while (true) {
        byte[] payload;
        try {
          int length = in.readInt();
          int checksum = in.readInt();
          if (length < 0 || length > 64 * 1024 * 1024) {
            break;
          }
          payload = in.readNBytes(length);
          if (payload.length < length || !JournalRecord.intact(payload, checksum)) {
            break;
          }
        } catch (EOFException end) {
          break;
        }
        consumer.accept(JournalRecord.decode(payload));
        intactBytes += JournalRecord.HEADER_BYTES + payload.length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the database journal " + file, e);
    }
    long size = file.toFile().length();
    if (intactBytes < size) {
      if (!last) {
        throw new IllegalStateException("the database journal " + file + " is damaged at byte " + intactBytes
            + " of " + size + "; it is not the last segment, so this is not an interrupted write");
      }
      log.warn("the database journal {} ends in a write the process did not finish; {} bytes cut off", file,
          size - intactBytes);
      truncate(file, intactBytes);
    }
  }

  /** Writes the state as one segment with the given number, replacing it atomically. */
  void writeCompacted(int number, JournalState state) {
    Path tmp = directory.resolve(String.format("%08d%s.tmp", number, SUFFIX));
    ByteBuf buffer = Unpooled.buffer(1 << 20);
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      JournalRecord.base().writeTo(buffer);
      for (var database : state.databases().entrySet()) {
        for (var collection : database.getValue().entrySet()) {
          for (var document : collection.getValue().values()) {
            new JournalRecord(JournalRecord.Kind.PUT, database.getKey(), collection.getKey(), document).writeTo(buffer);
            if (buffer.readableBytes() > (1 << 20)) {
              drain(buffer, out);
            }
          }
        }
      }
      drain(buffer, out);
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a compacted database journal segment " + tmp, e);
    } finally {
      buffer.release();
    }
    try {
      Files.move(tmp, path(number), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the database journal segment " + path(number), e);
    }
  }

  void delete(int number) {
    try {
      Files.deleteIfExists(path(number));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the database journal segment " + path(number), e);
    }
  }

  /** Makes a created, renamed or deleted file's name durable, not only its contents. */
  void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync the database journal directory " + directory, e);
    }
  }

  private static void drain(ByteBuf buffer, FileChannel out) throws IOException {
    while (buffer.isReadable()) {
      buffer.readBytes(out, buffer.readableBytes());
    }
    buffer.clear();
  }

  private static void truncate(Path file, long size) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cut the unfinished end off " + file, e);
    }
  }
}
