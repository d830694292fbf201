package org.plauder.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded database's storage: every document in memory, every change in the {@link Journal}.
 * Queries never touch the disk; a write costs an append, and the group commit forces the appends
 * of a whole batch to disk with one sync before any of their replies leaves.
 */
final class JournaledBackend extends AbstractMongoBackend {

  private final Journal journal;
  private final FieldNames fieldNames = new FieldNames();
  private Map<String, Map<String, LinkedHashMap<Object, Document>>> stored;

  JournaledBackend(Path journalDirectory) {
    this.journal = Journal.open(journalDirectory);
    this.stored = journal.takeReplayed().databases();
    stored.keySet().forEach(this::resolveDatabase);
    this.stored = Map.of();
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String name) {
    return new JournaledDatabase(name, getCursorRegistry(), journal, fieldNames, stored.getOrDefault(name, Map.of()));
  }

  /** Writes and forces every change made so far; does nothing when there is none. */
  void commitIfDirty() {
    journal.sync();
  }

  @Override
  public void close() {
    super.close();
    journal.close();
  }
}
