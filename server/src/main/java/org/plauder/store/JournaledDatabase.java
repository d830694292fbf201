package org.plauder.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One database of the embedded server: its collections are {@link JournaledCollection}s, opened
 * with the documents the journal held at start-up; the indexes are rebuilt from them.
 */
final class JournaledDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

  /**
   * The collections kept as {@link PackedDocuments}: they grow with traffic (a document per
   * message, per visitor) and the busy paths read them by key. Scans of them (a transcript search,
   * erasing a visitor's chats) decode every document they pass.
   */
  static final Set<String> PACKED = Set.of("messages", "visitors");

  private final Journal journal;
  private final FieldNames fieldNames;
  private Map<String, ? extends Map<Object, Document>> stored;
  private final Map<String, DocumentSlots> slots = new HashMap<>();

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
    DocumentSlots kept = DocumentSlots.of(name, fieldNames);
    slots.put(name, kept);
    return new JournaledCollection(this, name, options, cursorRegistry, journal, kept,
        documents == null ? List.of() : documents.values());
  }

  /** A packed collection's unique indexes are packed too ({@link PackedUniqueIndex}); a held one's map each key ({@link HeldUniqueIndex}). */
  @Override
  protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
    return slots.get(collection) instanceof PackedDocuments packed
        ? new PackedUniqueIndex(name, keys, sparse, packed)
        : new HeldUniqueIndex(name, keys, sparse);
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
