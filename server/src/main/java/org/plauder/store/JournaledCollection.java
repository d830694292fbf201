package org.plauder.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A collection of the embedded database held in memory, every change written to the journal as
 * it is made: a stored document whole (inserted or updated), a removed one by its key, a dropped
 * collection. Its documents are kept in {@link DocumentSlots}, as documents or packed. Queries and
 * indexes are mongo-java-server's own, except that a query naming a unique key's exact value (or a
 * list of them, {@code $in}), also inside a top-level {@code $and}, goes through that key's index.
 */
final class JournaledCollection extends AbstractSynchronizedMongoCollection<Integer> {

  private final Journal journal;
  private final DocumentSlots documents;
  /** The document being removed, while the library removes it. */
  private Document removing;

  JournaledCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
      Journal journal, DocumentSlots documents, Collection<Document> stored) {
    super(database, name, options, cursors);
    this.journal = journal;
    this.documents = documents;
    // Replayed documents go in as they are: they are in the journal already, and the database
    // builds the collection's indexes from them once it has opened it.
    stored.forEach(documents::add);
  }

  @Override
  protected Integer addDocumentInternal(Document document) {
    journal.put(getDatabaseName(), getCollectionName(), document);
    return documents.add(document);
  }

  /** {@code oldDocument} is what {@link #getDocument} gave, changed in place into {@code newDocument}. */
  @Override
  protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
    documents.updated(position, oldDocument, newDocument);
    journal.put(getDatabaseName(), getCollectionName(), newDocument);
  }

  /**
   * The library finds a removed document's position and then calls {@link #removeDocument(Integer)};
   * the document it was given is kept for that call, so a packed one is not decoded again for its key.
   */
  @Override
  public synchronized void removeDocument(Document document) {
    removing = document;
    try {
      super.removeDocument(document);
    } finally {
      removing = null;
    }
  }

  @Override
  protected void removeDocument(Integer position) {
    journal.remove(getDatabaseName(), getCollectionName(), removing != null ? removing : getDocument(position));
    documents.remove(position);
  }

  @Override
  protected Document getDocument(Integer position) {
    return documents.get(position);
  }

  @Override
  protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
    Stream<Document> all = documents.stream(isNaturalDescending(orderBy)).map(DocumentWithPosition::getDocument);
    return matchDocumentsFromStream(all, query, orderBy, skip, limit, batchSize, fieldSelector);
  }

  @Override
  protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
    return documents.stream(false);
  }

  /** Only a collection without any index asks: the position of a document equal to this one. */
  @Override
  protected Integer findDocumentPosition(Document document) {
    return documents.stream(false).filter(stored -> Objects.equals(stored.getDocument(), document))
        .map(DocumentWithPosition::getPosition).findFirst().orElse(null);
  }

  @Override
  public synchronized int count() {
    return documents.count();
  }

  @Override
  public synchronized boolean isEmpty() {
    return documents.count() == 0;
  }

  @Override
  protected int getDataSize() {
    return 0;
  }

  @Override
  protected void updateDataSize(int sizeDelta) {
    // not kept: see tracksDataSize
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
    for (Index<Integer> index : getIndexes()) {
      if (index.isUnique() && index.getKeys().size() == 1) {
        String key = index.getKeys().get(0).getKey();
        Listed listed = listed(query, key);
        if (listed != null) {
          // {key: {$in: [exact strings]}} on a unique key, alone or with other conditions: the index
          // finds exactly those documents, and only the other conditions are matched (the library's
          // matcher would compare each document with every listed value).
          List<Integer> positions = new ArrayList<>();
          for (Object value : listed.values()) {
            index.getPositions(new Document(key, value)).forEach(positions::add);
          }
          return matchDocuments(listed.others(), positions, orderBy, skip, limit, batchSize, fieldSelector);
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

  /** The distinct strings a query lists for a key ({@code {key: {$in: [...]}}}), and its other conditions. */
  private record Listed(Collection<?> values, Document others) {}

  /**
   * What the query lists for {@code key}, when it requires {@code key} to be one of a list of
   * strings: at its top level, or as one condition inside a top-level {@code $and}. Else null.
   */
  private static Listed listed(Document query, String key) {
    Collection<?> values = stringsIn(query.get(key));
    if (values != null) {
      Document others = new Document(query);
      others.remove(key);
      return new Listed(values, others);
    }
    if (query.size() == 1 && query.get("$and") instanceof List<?> all) {
      for (Object condition : all) {
        values = condition instanceof Document d && d.size() == 1 ? stringsIn(d.get(key)) : null;
        if (values != null) {
          List<Object> rest = new ArrayList<>(all);
          rest.remove(condition);
          return new Listed(values, rest.isEmpty() ? new Document() : new Document("$and", rest));
        }
      }
    }
    return null;
  }

  /** The distinct strings of a condition {@code {$in: [strings]}}; null for any other condition. */
  private static Collection<?> stringsIn(Object condition) {
    return condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?> values
        && values.stream().allMatch(String.class::isInstance) ? new LinkedHashSet<>(values) : null;
  }

  /** Its size is not kept: measuring it would encode every document a second time on each write. */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }
}
