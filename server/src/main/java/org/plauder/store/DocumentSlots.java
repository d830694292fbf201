package org.plauder.store;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.bson.Document;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Where a collection of the embedded database keeps its documents in memory, by position (the
 * positions its indexes point to): {@link HeldDocuments} as documents, {@link PackedDocuments}
 * encoded. Positions of removed documents are given out again.
 */
interface DocumentSlots {

  /** For the collection named so: packed when it is one of {@link JournaledDatabase#PACKED}. */
  static DocumentSlots of(String collection, FieldNames fieldNames) {
    return JournaledDatabase.PACKED.contains(collection) ? new PackedDocuments() : new HeldDocuments(fieldNames);
  }

  /** Keeps {@code document}; the position it is at. */
  int add(Document document);

  /** The document at {@code position}, or null when none is there. */
  Document get(int position);

  /**
   * After an update: {@code stored} is what {@link #get} gave for {@code position}, changed in
   * place into {@code updated}.
   */
  void updated(int position, Document stored, Document updated);

  void remove(int position);

  int count();

  /** One past the highest position ever used. */
  int end();

  /** Every document with its position, in the order of the positions or the reverse. */
  default Stream<DocumentWithPosition<Integer>> stream(boolean descending) {
    int end = end();
    return IntStream.range(0, end).map(i -> descending ? end - 1 - i : i)
        .mapToObj(position -> {
          Document document = get(position);
          return document == null ? null : new DocumentWithPosition<>(document, position);
        })
        .filter(found -> found != null);
  }
}
