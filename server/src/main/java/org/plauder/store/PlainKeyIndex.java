package org.plauder.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.List;
import java.util.Set;

/**
 * A unique index of the embedded database that reads a key of plain top-level values straight
 * from the document. The library finds a key's values by splitting each field's path with a
 * regular expression, several times for every stored message and every change of a conversation;
 * that was a third of what the database's thread allocated at 2,000 messages a second.
 */
abstract class PlainKeyIndex extends AbstractUniqueIndex<Integer> {

  /** The key's field names when each is a top-level field, else null. */
  private final String[] topLevelFields;

  PlainKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.topLevelFields = keys.stream().anyMatch(k -> k.getKey().contains(".")) ? null
        : keys.stream().map(IndexKey::getKey).toArray(String[]::new);
  }

  @Override
  public Set<KeyValue> getKeyValues(Document document) {
    KeyValue key = plainKey(document);
    return key != null ? Set.of(key) : super.getKeyValues(document);
  }

  @Override
  public synchronized void checkAdd(Document document, MongoCollection<Integer> collection) {
    KeyValue key = plainKey(document);
    if (key == null) {
      super.checkAdd(document, collection);
    } else if (containsKey(key)) {
      throw new DuplicateKeyError(this, collection, getKeys(), key);
    }
  }

  /**
   * The document's key when every field of it is top-level and holds a string, an object id or
   * nothing: values the library keeps as they are. Null otherwise (the library normalises numbers,
   * arrays and subdocuments), and for a sparse index.
   */
  private KeyValue plainKey(Document document) {
    if (topLevelFields == null || isSparse()) {
      return null;
    }
    Object[] values = new Object[topLevelFields.length];
    for (int i = 0; i < values.length; i++) {
      Object value = document.get(topLevelFields[i]);
      if (value != null && !(value instanceof String) && !(value instanceof ObjectId)) {
        return null;
      }
      values[i] = value;
    }
    return new KeyValue(values);
  }
}
