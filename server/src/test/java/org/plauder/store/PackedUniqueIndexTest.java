package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedUniqueIndexTest {

  private final PackedDocuments documents = new PackedDocuments();
  private final PackedUniqueIndex index = new PackedUniqueIndex("conversation_clientMsgId",
      List.of(new IndexKey("conversationId", true), new IndexKey("clientMsgId", true)), false, documents);

  private int store(Document document) {
    int position = documents.add(document);
    index.add(document, position, null);
    return position;
  }

  private static Document message(int conversation, int n) {
    return new Document("_id", "c" + conversation + ":" + n).append("conversationId", "c" + conversation).append("clientMsgId", "m" + n);
  }

  private Integer positionOf(int conversation, int n) {
    return index.getPosition(new Document("conversationId", "c" + conversation).append("clientMsgId", "m" + n));
  }

  @Test
  void everyKeyFindsItsDocumentThroughGrowthRemovalsAndReuse() {
    for (int n = 0; n < 50_000; n++) {
      assertEquals(n, store(message(n % 100, n)));
    }
    assertEquals(50_000, index.getCount());
    for (int n = 0; n < 50_000; n += 3) {
      assertEquals(n, index.remove(message(n % 100, n)));
      documents.remove(n);
    }
    for (int n = 0; n < 50_000; n++) {
      assertEquals(n % 3 == 0 ? null : Integer.valueOf(n), positionOf(n % 100, n), "message " + n);
    }
    assertNull(positionOf(7, 1), "the conversation is part of the key");
    int again = store(message(0, 0));
    assertEquals(again, positionOf(0, 0), "a removed key can be added again");
    assertEquals(50_000 - 16_667 + 1, index.getCount());
  }

  @Test
  void aSecondDocumentWithTheSameKeyFindsTheFirst() {
    // What the collection asks before it adds one (its refusal is in JournaledBackendTest).
    int first = store(message(1, 1));
    assertEquals(first, index.getPosition(message(1, 1).append("_id", "other")));
    assertNull(index.getPosition(message(1, 2)));
  }

  @Test
  void aChangedKeyIsFoundUnderItsNewValueOnly() {
    int position = store(message(1, 1));
    Document changed = message(1, 99);
    index.checkUpdate(message(1, 1), changed, null);
    index.updateInPlace(message(1, 1), changed, position, null);
    documents.updated(position, documents.get(position), changed);
    assertEquals(position, positionOf(1, 99));
    assertNull(positionOf(1, 1));
  }

  @Test
  void aStringIdIsComparedInItsBytesAndOtherwiseTheDocumentIsDecoded() {
    PackedDocuments docs = new PackedDocuments();
    PackedUniqueIndex ids = new PackedUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false, docs);
    List<Document> stored = List.of(
        new Document("_id", "Aa").append("text", "first field is the id"),
        new Document("text", "the id comes second").append("_id", "BB"),
        new Document("_id", "Grüße:0000000001").append("text", "not ASCII"),
        new Document("_id", 7L).append("text", "a number"));
    for (Document d : stored) {
      ids.add(d, docs.add(d), null);
    }
    // "Aa" and "BB" have the same hash: each lookup meets the other's entry and must tell them apart
    assertEquals(0, ids.getPosition(new Document("_id", "Aa")));
    assertEquals(1, ids.getPosition(new Document("_id", "BB")));
    assertEquals(2, ids.getPosition(new Document("_id", "Grüße:0000000001")));
    assertNull(ids.getPosition(new Document("_id", "Grüße:0000000002")));
    assertNull(ids.getPosition(new Document("_id", "Grüsse:0000000001")));
    assertEquals(3, ids.getPosition(new Document("_id", 7L)));
    assertNull(ids.getPosition(new Document("_id", "7")));
    docs.remove(0);
    ids.remove(stored.get(0));
    assertNull(ids.getPosition(new Document("_id", "Aa")));
    assertEquals(1, ids.getPosition(new Document("_id", "BB")));
  }
}
