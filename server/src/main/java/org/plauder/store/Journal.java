package org.plauder.store;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's file: an append-only log of every change, written and forced to disk
 * once per group commit, replayed into memory at start. It is a row of numbered segments; the
 * highest is the one being written. A full segment is closed and a new one begun, and a background
 * thread folds the closed ones into one that holds only what is still there, so the log stays
 * about as large as the data and a start-up reads little more than that.
 * Only the database's worker thread appends and syncs.
 */
final class Journal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  static final long SEGMENT_BYTES = 64L * 1024 * 1024;

  private final JournalSegments segments;
  private final ExecutorService compactor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "plauder-journal-compactor");
    thread.setDaemon(true);
    return thread;
  });
  private final ByteBuf pending = Unpooled.buffer(64 * 1024);
  private final long segmentBytes;
  private FileChannel active;
  private volatile int activeNumber;
  private JournalState replayed;

  private Journal(JournalSegments segments, JournalState replayed, long segmentBytes) {
    this.segments = segments;
    this.replayed = replayed;
    this.segmentBytes = segmentBytes;
  }

  /** Replays what the directory holds and begins a new segment after it. */
  static Journal open(Path directory) {
    return open(directory, SEGMENT_BYTES);
  }

  static Journal open(Path directory, long segmentBytes) {
    JournalSegments segments = new JournalSegments(directory);
    JournalState state = new JournalState();
    List<Integer> numbers = segments.numbers();
    for (int i = 0; i < numbers.size(); i++) {
      segments.replay(numbers.get(i), i == numbers.size() - 1, state::apply);
    }
    Journal journal = new Journal(segments, state, segmentBytes);
    journal.begin(numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1);
    log.debug("journal replayed: {} segments, {} documents", numbers.size(), state.documentCount());
    return journal;
  }

  /** What the journal held at start-up; handed out once. */
  JournalState takeReplayed() {
    JournalState state = replayed;
    replayed = null;
    return state;
  }

  void put(String database, String collection, Document document) {
    new JournalRecord(JournalRecord.Kind.PUT, database, collection, document).writeTo(pending);
  }

  /** Only the removed document's key is written: that is all a replay needs to find it. */
  void remove(String database, String collection, Document document) {
    new JournalRecord(JournalRecord.Kind.REMOVE, database, collection, JournalRecord.keyFieldsOf(collection, document)).writeTo(pending);
  }

  void drop(String database, String collection) {
    new JournalRecord(JournalRecord.Kind.DROP, database, collection, null).writeTo(pending);
  }

  /** Writes and forces everything appended since the last sync; nothing to do when there is none. */
  void sync() {
    if (!pending.isReadable()) {
      return;
    }
    try {
      while (pending.isReadable()) {
        pending.readBytes(active, pending.readableBytes());
      }
      pending.clear();
      active.force(false);
      if (active.size() >= segmentBytes) {
        roll();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the database journal in " + segments.directory(), e);
    }
  }

  private void roll() throws IOException {
    active.close();
    begin(activeNumber + 1);
    compactor.execute(this::compactClosedSegments);
  }

  private void begin(int number) {
    try {
      active = FileChannel.open(segments.path(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      segments.syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot begin a journal segment in " + segments.directory(), e);
    }
    activeNumber = number;
  }

  /** Folds every closed segment into the newest of them; runs on the compactor thread. */
  private void compactClosedSegments() {
    List<Integer> closed = segments.numbers().stream().filter(n -> n < activeNumber).toList();
    if (closed.size() < 2) {
      return;
    }
    long started = System.nanoTime();
    JournalState state = new JournalState();
    try {
      closed.forEach(number -> segments.replay(number, false, state::apply));
      segments.writeCompacted(closed.get(closed.size() - 1), state);
      closed.subList(0, closed.size() - 1).forEach(segments::delete);
    } catch (RuntimeException e) {
      // The segments are all still there: nothing is lost, the journal is only longer than it needs to be.
      log.error("the database journal could not be compacted; it will be tried again after the next segment", e);
      return;
    }
    log.info("database journal compacted: {} segments into one with {} documents in {} ms", closed.size(),
        state.documentCount(), (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public void close() {
    compactor.shutdown();
    try {
      sync();
      active.close();
      compactor.awaitTermination(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pending.release();
    }
  }
}
