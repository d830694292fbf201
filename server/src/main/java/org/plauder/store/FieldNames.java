package org.plauder.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One String per field name for all documents the embedded database keeps in memory. Each
 * document arrives decoded from the wire with its own copy of every name ("conversationId",
 * "senderName", …): about a quarter of what a stored message holds on to, and as many objects
 * for the collector to copy while it is young. Stored documents use the shared names instead.
 * At most {@link #MAX_NAMES} names are shared; any beyond stay as they came.
 */
final class FieldNames {

  static final int MAX_NAMES = 10_000;

  private final Map<String, String> names = new ConcurrentHashMap<>();

  /** The shared instance of {@code name}, or {@code name} itself when it is new and there is no room. */
  String shared(String name) {
    String known = names.get(name);
    if (known != null) {
      return known;
    }
    if (names.size() >= MAX_NAMES) {
      return name;
    }
    String previous = names.putIfAbsent(name, name);
    return previous == null ? name : previous;
  }

  /** Makes {@code document} and the documents inside it (also in lists) use the shared names, in place, in the same order. */
  void share(Document document) {
    String[] keys = new String[document.size()];
    boolean allShared = true;
    int i = 0;
    for (Map.Entry<String, Object> field : document.entrySet()) {
      keys[i] = shared(field.getKey());
      allShared &= keys[i++] == field.getKey();
      shareInside(field.getValue());
    }
    if (allShared) {
      return; // as most updates leave it: nothing to rebuild
    }
    Object[] values = document.values().toArray();
    document.clear();
    for (i = 0; i < keys.length; i++) {
      document.put(keys[i], values[i]);
    }
  }

  private void shareInside(Object value) {
    if (value instanceof Document inner) {
      share(inner);
    } else if (value instanceof List<?> list) {
      list.forEach(this::shareInside);
    }
  }
}
