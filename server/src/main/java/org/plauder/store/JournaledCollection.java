package org.plauder.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.Collection;

/**
 * A collection of the embedded database held in memory, every change written to the journal as
 * it is made: a stored document whole (inserted or updated), a removed one by its key, a dropped
 * collection. Queries and indexes are mongo-java-server's own.
 */
final class JournaledCollection extends MemoryCollection {

  private final Journal journal;

  JournaledCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
      Journal journal, Collection<Document> stored) {
    super(database, name, options, cursors);
    this.journal = journal;
    // Replayed documents go in as they are: they are in the journal already, and the database
    // builds the collection's indexes from them once it has opened it.
    for (Document document : stored) {
      super.addDocumentInternal(document);
    }
  }

  @Override
  protected Integer addDocumentInternal(Document document) {
    journal.put(getDatabaseName(), getCollectionName(), document);
    return super.addDocumentInternal(document);
  }

  @Override
  protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
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

  /** Its size is not kept: measuring it would encode every document a second time on each write. */
  @Override
  protected boolean tracksDataSize() {
    return false;
  }
}
