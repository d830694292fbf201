package org.plauder.store;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A unique index of a collection kept as {@link PackedDocuments}, holding no object per entry:
 * an open-addressing table of positions and their keys' hashes, two int arrays. A key is compared
 * with the document at a position whose hash matches, decoded for it. The library's own index
 * keeps a map entry, the key's values and a boxed position per document: after the documents
 * were packed, those were what the collector still copied for every new message.
 */
final class PackedUniqueIndex extends PlainKeyIndex {

  private static final int EMPTY = 0;
  private static final int REMOVED = -1;
  private static final int FIRST_CAPACITY = 1024;

  private final PackedDocuments documents;
  /** The key's field name as UTF-8, for an index of one field; else null. */
  private final byte[] singleKeyName;
  /** Per slot: the position plus one, EMPTY, or REMOVED (a slot whose entry went, which a search passes over). */
  private int[] entries = new int[FIRST_CAPACITY];
  private int[] hashes = new int[FIRST_CAPACITY];
  private int count;
  private int taken;

  PackedUniqueIndex(String name, List<IndexKey> keys, boolean sparse, PackedDocuments documents) {
    super(name, keys, sparse);
    this.documents = documents;
    this.singleKeyName = keys.size() == 1 ? keys.get(0).getKey().getBytes(StandardCharsets.UTF_8) : null;
  }

  @Override
  protected Integer getPosition(KeyValue key) {
    int slot = find(key);
    return slot < 0 ? null : entries[slot] - 1;
  }

  @Override
  protected boolean putKeyPosition(KeyValue key, Integer position) {
    if (find(key) >= 0) {
      return false;
    }
    if ((taken + 1) * 4L > entries.length * 3L) {
      rebuild();
    }
    int hash = hash(key);
    int mask = entries.length - 1;
    int slot = hash & mask;
    while (entries[slot] > 0) {
      slot = (slot + 1) & mask;
    }
    if (entries[slot] == EMPTY) {
      taken++;
    }
    entries[slot] = position + 1;
    hashes[slot] = hash;
    count++;
    return true;
  }

  @Override
  protected Integer removeDocument(KeyValue key) {
    int slot = find(key);
    if (slot < 0) {
      return null;
    }
    int position = entries[slot] - 1;
    entries[slot] = REMOVED;
    count--;
    return position;
  }

  /** Every key with its position, each document decoded for it: only a query by a range of keys asks. */
  @Override
  protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
    List<Map.Entry<KeyValue, Integer>> all = new ArrayList<>(count);
    for (int entry : entries) {
      if (entry > 0) {
        Document document = documents.get(entry - 1);
        for (KeyValue key : getKeyValues(document)) {
          all.add(new AbstractMap.SimpleImmutableEntry<>(key, entry - 1));
        }
      }
    }
    return all;
  }

  @Override
  public long getCount() {
    return count;
  }

  @Override
  public boolean isEmpty() {
    return count == 0;
  }

  @Override
  public long getDataSize() {
    return entries.length * 8L;
  }

  @Override
  public void drop() {
    entries = new int[FIRST_CAPACITY];
    hashes = new int[FIRST_CAPACITY];
    count = 0;
    taken = 0;
  }

  /** The slot holding {@code key}, or -1. */
  private int find(KeyValue key) {
    int hash = hash(key);
    int mask = entries.length - 1;
    for (int slot = hash & mask; entries[slot] != EMPTY; slot = (slot + 1) & mask) {
      if (entries[slot] > 0 && hashes[slot] == hash && holds(entries[slot] - 1, key)) {
        return slot;
      }
    }
    return -1;
  }

  /**
   * Whether the document at {@code position} has {@code key}. A string key of a one-field index is
   * compared with the document's first field in its bytes when that field is the key's, as an
   * `_id` is; only otherwise is the document decoded for it.
   */
  private boolean holds(int position, KeyValue key) {
    if (singleKeyName != null && key.size() == 1 && key.get(0) instanceof String value) {
      Boolean same = documents.firstStringFieldIs(position, singleKeyName, value);
      if (same != null) {
        return same;
      }
    }
    Document document = documents.get(position);
    return document != null && getKeyValues(document).contains(key);
  }

  /** A table twice as large as the entries need, without the removed slots; the hashes are kept, so nothing is decoded. */
  private void rebuild() {
    int capacity = FIRST_CAPACITY;
    while (capacity < (count + 1) * 2L) {
      capacity *= 2;
    }
    int[] oldEntries = entries;
    int[] oldHashes = hashes;
    entries = new int[capacity];
    hashes = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldEntries.length; i++) {
      if (oldEntries[i] > 0) {
        int slot = oldHashes[i] & mask;
        while (entries[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        entries[slot] = oldEntries[i];
        hashes[slot] = oldHashes[i];
      }
    }
    taken = count;
  }

  private static int hash(KeyValue key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }
}
