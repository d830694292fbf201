package org.plauder.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * One database of the embedded server: its collections are {@link JournaledCollection}s, opened
 * with the documents the journal held at start-up; the indexes are rebuilt from them.
 */
final class JournaledDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

  private final Journal journal;
  private final FieldNames fieldNames;
  private Map<String, ? extends Map<Object, Document>> stored;

  JournaledDatabase(String name, CursorRegistry cursors, Journal journal, FieldNames fieldNames,
      Map<String, ? extends Map<Object, Document>> stored) {
    super(name, cursors);
    this.journal = journal;
    this.fieldNames = fieldNames;
    this.stored = stored;
    initializeNamespacesAndIndexes();
    this.stored = Map.of();
  }

  @Override
  protected MongoCollection<Integer> openOrCreateCollection(String name, CollectionOptions options) {
    Map<Object, Document> documents = stored.get(name);
    return new JournaledCollection(this, name, options, cursorRegistry, journal, fieldNames,
        documents == null ? List.of() : documents.values());
  }

  @Override
  protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
    return new MemoryUniqueIndex(name, keys, sparse);
  }

  @Override
  protected long getStorageSize() {
    return 0;
  }

  @Override
  protected long getFileSize() {
    return 0;
  }
}
