package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  @TempDir
  Path dir;

  @Test
  void whatWasSyncedIsThereAfterReopeningWithUpdatesRemovalsAndDropsApplied() {
    try (Journal journal = Journal.open(dir)) {
      journal.put("plauder", "messages", message("c1:1", "Hallo"));
      journal.put("plauder", "messages", message("c1:2", "Wo ist mein Paket?"));
      journal.put("plauder", "messages", message("c1:1", "Hallo!"));
      journal.remove("plauder", "messages", new Document("_id", "c1:2"));
      journal.put("plauder", "scratch", message("x", "weg"));
      journal.drop("plauder", "scratch");
      journal.sync();
    }
    Map<Object, Document> messages = reopen().get("plauder").get("messages");
    assertEquals(List.of("c1:1"), List.copyOf(messages.keySet()));
    assertEquals("Hallo!", messages.get("c1:1").get("text"));
    assertNull(reopen().get("plauder").get("scratch"));
  }

  @Test
  void aWriteThatWasNeverSyncedIsNotThereAndTheTornEndOfTheLastSegmentIsCutOff() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.put("plauder", "messages", message("c1:1", "gesichert"));
      journal.sync();
    }
    Path segment = onlySegment();
    long intact = Files.size(segment);
    // A crash in the middle of writing the next record: a header and half a payload.
    Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 1, 'p', 'l'}, StandardOpenOption.APPEND);

    Map<String, Map<String, java.util.LinkedHashMap<Object, Document>>> state = reopen();
    assertEquals("gesichert", state.get("plauder").get("messages").get("c1:1").get("text"));
    assertEquals(intact, Files.size(segment), "the torn end is cut off so that later segments can follow it");
  }

  @Test
  void damageInsideAnOlderSegmentStopsTheStartInsteadOfLosingWhatFollows() throws IOException {
    try (Journal journal = Journal.open(dir)) {
      journal.put("plauder", "messages", message("c1:1", "erste"));
      journal.put("plauder", "messages", message("c1:2", "zweite"));
      journal.sync();
    }
    reopen(); // begins a second segment after the first
    try (RandomAccessFile file = new RandomAccessFile(new JournalSegments(dir).path(1).toFile(), "rw")) {
      file.seek(20);
      file.write(0x7f ^ file.read());
    }
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Journal.open(dir).close());
    assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
  }

  @Test
  void closedSegmentsAreFoldedIntoOneHoldingOnlyWhatIsStillThere() throws Exception {
    long segmentBytes = 4096;
    try (Journal journal = Journal.open(dir, segmentBytes)) {
      for (int round = 0; round < 200; round++) {
        journal.put("plauder", "conversations", new Document("_id", "c1").append("lastSeq", round));
        journal.put("plauder", "messages", message("c1:" + round, "Nachricht " + round));
        if (round % 2 == 1) {
          journal.remove("plauder", "messages", new Document("_id", "c1:" + (round - 1)));
        }
        journal.sync();
      }
    }
    long written = 200L * 2 * 60;
    assertTrue(new JournalSegments(dir).totalBytes() < written / 2,
        "compaction keeps the journal near the size of the data: " + new JournalSegments(dir).totalBytes());
    var state = reopen().get("plauder");
    assertEquals(199, state.get("conversations").get("c1").get("lastSeq"));
    assertEquals(100, state.get("messages").size());
    assertEquals("Nachricht 199", state.get("messages").get("c1:199").get("text"));
  }

  private Map<String, Map<String, java.util.LinkedHashMap<Object, Document>>> reopen() {
    try (Journal journal = Journal.open(dir)) {
      return journal.takeReplayed().databases();
    }
  }

  private Path onlySegment() {
    List<Integer> numbers = new JournalSegments(dir).numbers();
    return new JournalSegments(dir).path(numbers.get(0));
  }

  private static Document message(String id, String text) {
    return new Document("_id", id).append("text", text);
  }
}
