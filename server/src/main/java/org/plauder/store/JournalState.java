package org.plauder.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run of journal records adds up to: per database and collection, the last version of
 * every document still there, in the order the documents were first stored (the order a query
 * without a sort sees). Replaying the journal at start-up and compacting it both fold records
 * into one of these.
 */
final class JournalState {

  private final Map<String, Map<String, LinkedHashMap<Object, Document>>> databases = new LinkedHashMap<>();

  void apply(JournalRecord record) {
    switch (record.kind()) {
      case BASE -> databases.clear();
      case PUT -> collection(record).put(JournalRecord.keyOf(record.collection(), record.document()), record.document());
      case REMOVE -> collection(record).remove(JournalRecord.keyOf(record.collection(), record.document()));
      case DROP -> {
        Map<String, LinkedHashMap<Object, Document>> collections = databases.get(record.database());
        if (collections != null) {
          collections.remove(record.collection());
        }
      }
    }
  }

  /** Database name to collection name to its documents; empty collections left out. */
  Map<String, Map<String, LinkedHashMap<Object, Document>>> databases() {
    databases.values().forEach(collections -> collections.values().removeIf(Map::isEmpty));
    databases.values().removeIf(Map::isEmpty);
    return databases;
  }

  long documentCount() {
    return databases.values().stream().flatMap(c -> c.values().stream()).mapToLong(Map::size).sum();
  }

  private LinkedHashMap<Object, Document> collection(JournalRecord record) {
    return databases.computeIfAbsent(record.database(), name -> new HashMap<>())
        .computeIfAbsent(record.collection(), name -> new LinkedHashMap<>());
  }
}
