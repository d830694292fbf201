package org.plauder.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * A collection's documents kept as they are, their field names shared ({@link FieldNames}); an
 * update changes the kept document in place, so a scan matches them without decoding anything.
 */
final class HeldDocuments implements DocumentSlots {

  private final List<Document> documents = new ArrayList<>();
  private final Queue<Integer> emptyPositions = new ArrayDeque<>();
  private final FieldNames fieldNames;

  HeldDocuments(FieldNames fieldNames) {
    this.fieldNames = fieldNames;
  }

  @Override
  public int add(Document document) {
    fieldNames.share(document);
    Integer position = emptyPositions.poll();
    if (position == null) {
      documents.add(document);
      return documents.size() - 1;
    }
    documents.set(position, document);
    return position;
  }

  @Override
  public Document get(int position) {
    return documents.get(position);
  }

  /** The kept document is {@code stored}, already changed: only the names of fields the update added are shared. */
  @Override
  public void updated(int position, Document stored, Document updated) {
    fieldNames.share(stored);
  }

  @Override
  public void remove(int position) {
    documents.set(position, null);
    emptyPositions.add(position);
  }

  @Override
  public int count() {
    return documents.size() - emptyPositions.size();
  }

  @Override
  public int end() {
    return documents.size();
  }
}
