package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedDocumentsTest {

  private static Document message(int n, String text) {
    return new Document("_id", "c1:" + n).append("seq", (long) n).append("text", text)
        .append("time", Instant.ofEpochMilli(1_700_000_000_000L + n)).append("tags", List.of("a", new Document("k", n)));
  }

  @Test
  void documentsReadBackAsTheyWereKeptAndRemovedPositionsAreGivenOutAgain() {
    PackedDocuments packed = new PackedDocuments();
    for (int n = 0; n < 5_000; n++) {
      assertEquals(n, packed.add(message(n, "Hallo " + n)));
    }
    assertEquals(message(4_321, "Hallo 4321"), packed.get(4_321));
    packed.remove(17);
    packed.remove(3);
    assertNull(packed.get(17));
    assertEquals(4_998, packed.count());
    assertEquals(17, packed.add(message(99_999, "neu")), "the first emptied position first");
    assertEquals(3, packed.add(message(99_998, "neu")));
    assertEquals(5_000, packed.add(message(99_997, "neu")), "then new ones at the end");
    assertEquals(message(99_999, "neu"), packed.get(17));
    assertTrue(packed.chunkCount() > 1, "5,000 messages fill more than the first chunk");
  }

  @Test
  void chunksThatUpdatesLeaveMostlyUnusedArePackedAndEveryDocumentStaysReadable() {
    PackedDocuments packed = new PackedDocuments(16 * 1024);
    int documents = 20_000;
    for (int n = 0; n < documents; n++) {
      packed.add(message(n, "erste Fassung"));
    }
    // Four of every five documents are rewritten, five times: the chunks they were in keep a fifth
    // of what they hold, and without packing would be kept as they are.
    for (int round = 1; round <= 5; round++) {
      for (int n = 0; n < documents; n++) {
        if (n % 5 != 0) {
          packed.updated(n, packed.get(n), message(n, "Fassung " + round));
        }
      }
    }
    for (int n = 0; n < documents; n += 7) {
      assertEquals(message(n, n % 5 == 0 ? "erste Fassung" : "Fassung 5"), packed.get(n));
    }
    assertEquals(documents, packed.count());
    assertAtMostTwiceTheDocuments(packed);

    // Removing four of every five leaves every chunk a fifth used: packed, they shrink with them.
    for (int n = 0; n < documents; n++) {
      if (n % 5 != 0) {
        packed.remove(n);
      }
    }
    for (int n = 0; n < documents; n += 35) {
      assertEquals(message(n, "erste Fassung"), packed.get(n));
    }
    assertEquals(documents / 5, packed.count());
    assertAtMostTwiceTheDocuments(packed);
  }

  @Test
  void documentsChangedRightAfterTheyWereStoredDoNotLeaveTheirChunksMostlyDead() {
    // A visitor is stored and changed by its first page views a moment later, while the chunk it
    // went into is still the one being filled: the dead first versions are in that chunk.
    PackedDocuments packed = new PackedDocuments(16 * 1024);
    for (int n = 0; n < 20_000; n++) {
      int position = packed.add(message(n, "neu"));
      for (int page = 1; page <= 3; page++) {
        packed.updated(position, packed.get(position), message(n, "Seite " + page));
      }
    }
    for (int n = 0; n < 20_000; n += 7) {
      assertEquals(message(n, "Seite 3"), packed.get(n));
    }
    assertAtMostTwiceTheDocuments(packed);
  }

  @Test
  void aPositionGivenOutAgainKeepsItsNewDocumentWhenItsOldChunkIsPacked() {
    // A packed chunk is read from its start: the dead document at a position that now holds
    // another one elsewhere must stay behind.
    PackedDocuments packed = new PackedDocuments(16 * 1024);
    for (int n = 0; n < 2_000; n++) {
      packed.add(message(n, "alt"));
    }
    packed.remove(5);
    assertEquals(5, packed.add(message(77_777, "neu an alter Stelle")));
    for (int n = 0; n < 2_000; n++) {
      if (n != 5 && n % 10 != 0) {
        packed.remove(n);
      }
    }
    assertEquals(message(77_777, "neu an alter Stelle"), packed.get(5));
    for (int n = 0; n < 2_000; n += 10) {
      assertEquals(message(n, "alt"), packed.get(n));
    }
    assertEquals(201, packed.count());
    assertAtMostTwiceTheDocuments(packed);
  }

  /** A chunk less than half used is packed, so all of them hold at most twice what is in them, and the newest is being filled. */
  private static void assertAtMostTwiceTheDocuments(PackedDocuments packed) {
    assertTrue(packed.chunkBytes() <= packed.documentBytes() * 2 + 16 * 1024,
        "chunks of " + packed.chunkBytes() + " bytes for " + packed.documentBytes() + " bytes of documents");
  }

  @Test
  void aLargeDocumentHasAChunkOfItsOwnThatGoesWithIt() {
    PackedDocuments packed = new PackedDocuments();
    packed.add(message(1, "klein"));
    int before = packed.chunkCount();
    String text = "x".repeat(PackedDocuments.MAX_CHUNK_BYTES / 2);
    int large = packed.add(message(2, text));
    assertEquals(before + 1, packed.chunkCount());
    assertEquals(message(2, text), packed.get(large));
    packed.remove(large);
    assertEquals(before, packed.chunkCount());
    assertEquals(message(1, "klein"), packed.get(0));
  }

  @Test
  void aScanGoesThroughThePositionsInEitherOrderAndSkipsEmptyOnes() {
    PackedDocuments packed = new PackedDocuments();
    for (int n = 0; n < 4; n++) {
      packed.add(message(n, "m" + n));
    }
    packed.remove(1);
    assertEquals(List.of(0, 2, 3), packed.stream(false).map(DocumentWithPosition::getPosition).toList());
    assertEquals(List.of("m3", "m2", "m0"), packed.stream(true).map(d -> d.getDocument().get("text")).toList());
  }
}
