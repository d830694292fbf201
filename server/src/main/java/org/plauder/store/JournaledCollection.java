package org.plauder.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A collection of the embedded database held in memory, every change written to the journal as
 * it is made: a stored document whole (inserted or updated), a removed one by its key, a dropped
 * collection. Queries and indexes are mongo-java-server's own, except that a query naming a unique
 * key's exact value (or a list of them, {@code $in}), also inside a top-level {@code $and}, goes
 * through that key's index.
 */
final class JournaledCollection extends MemoryCollection {

  private final Journal journal;
  private final FieldNames fieldNames;

  JournaledCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
      Journal journal, FieldNames fieldNames, Collection<Document> stored) {
    super(database, name, options, cursors);
    this.journal = journal;
    this.fieldNames = fieldNames;
    // Replayed documents go in as they are: they are in the journal already, and the database
    // builds the collection's indexes from them once it has opened it.
    for (Document document : stored) {
      fieldNames.share(document);
      super.addDocumentInternal(document);
    }
  }

  @Override
  protected Integer addDocumentInternal(Document document) {
    fieldNames.share(document);
    journal.put(getDatabaseName(), getCollectionName(), document);
    return super.addDocumentInternal(document);
  }

  /** {@code oldDocument} is the stored one, changed in place into {@code newDocument}; fields the update added share their names too. */
  @Override
  protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
    fieldNames.share(oldDocument);
    journal.put(getDatabaseName(), getCollectionName(), newDocument);
  }

  @Override
  protected void removeDocument(Integer position) {
    journal.remove(getDatabaseName(), getCollectionName(), getDocument(position));
    super.removeDocument(position);
  }

  @Override
  public void drop() {
    journal.drop(getDatabaseName(), getCollectionName());
    super.drop();
  }

  @Override
  public void renameTo(MongoDatabase database, String name) {
    throw new MongoServerException("the embedded database cannot rename collections");
  }

  /**
   * A query that names one document by the exact value of a unique key — {@code _id} above all —
   * reads that document through the key's index, whatever other conditions it has. The library
   * uses an index only when the query has exactly the index's fields, so "this agent, if it still
   * has a free slot" or "this conversation, if still queued" would scan the whole collection.
   */
  @Override
  protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
    if (query.size() > 1 || query.get("$and") instanceof List) {
      for (Index<Integer> index : getIndexes()) {
        if (index.isUnique() && index.getKeys().size() == 1) {
          String key = index.getKeys().get(0).getKey();
          String value = exactValue(query, key);
          if (value != null) {
            // The whole query is still matched, on the one document the key names.
            return matchDocuments(query, index.getPositions(new Document(key, value)), orderBy, skip, limit, batchSize, fieldSelector);
          }
        }
      }
    }
    if (query.size() == 1 && isInOfStrings(query.values().iterator().next())) {
      // {key: {$in: [exact strings]}} on a unique key: the index finds exactly those documents, so
      // they need no matching (the library's matcher compares each one with every listed value).
      for (Index<Integer> index : getIndexes()) {
        String key = index.getKeys().get(0).getKey();
        if (index.isUnique() && index.getKeys().size() == 1 && query.containsKey(key)) {
          List<Integer> positions = new ArrayList<>();
          for (Object value : new LinkedHashSet<>((Collection<?>) ((Document) query.get(key)).get("$in"))) {
            index.getPositions(new Document(key, value)).forEach(positions::add);
          }
          return matchDocuments(new Document(), positions, orderBy, skip, limit, batchSize, fieldSelector);
        }
      }
    }
    return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
  }

  /**
   * The exact string the query requires {@code key} to be, or null: a top-level condition
   * {@code {key: "v"}}, or one inside a top-level {@code $and} (the driver writes
   * {@code Filters.and(eq(...), ...)} so, however simple the conditions are).
   */
  private static String exactValue(Document query, String key) {
    if (query.get(key) instanceof String value) {
      return value;
    }
    if (query.get("$and") instanceof List<?> all) {
      for (Object condition : all) {
        if (condition instanceof Document d && d.get(key) instanceof String value) {
          return value;
        }
      }
    }
    return null;
  }

  private static boolean isInOfStrings(Object condition) {
    return condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?> values
        && values.stream().allMatch(String.class::isInstance);
  }

  /** Its size is not kept: measuring it would encode every document a second time on each write. */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }
}
