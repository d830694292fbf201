package org.plauder.store;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A unique index of a collection kept as documents ({@link HeldDocuments}): each key mapped to its document's position. */
final class HeldUniqueIndex extends PlainKeyIndex {

  private final Map<KeyValue, Integer> positions = new ConcurrentHashMap<>();

  HeldUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
  }

  @Override
  protected Integer getPosition(KeyValue key) {
    return positions.get(key);
  }

  @Override
  protected boolean putKeyPosition(KeyValue key, Integer position) {
    return positions.putIfAbsent(key, position) == null;
  }

  @Override
  protected Integer removeDocument(KeyValue key) {
    return positions.remove(key);
  }

  @Override
  protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
    return positions.entrySet();
  }

  @Override
  public long getCount() {
    return positions.size();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public void drop() {
    positions.clear();
  }
}
