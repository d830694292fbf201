package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's storage, spoken to with the commands the driver sends, without a socket. */
class JournaledBackendTest {

  private final EmbeddedChannel channel = new EmbeddedChannel();

  @TempDir
  Path dir;

  @Test
  void documentsAndUniqueIndexesAreThereAfterARestart() {
    JournaledBackend backend = new JournaledBackend(dir.resolve("journal"));
    createUniqueIndex(backend);
    insert(backend, message("c1:1", "a", "Hallo"), message("c1:2", "b", "Wo ist mein Paket?"));
    update(backend, "c1:1", "Hallo!");
    backend.commitIfDirty();
    backend.close();

    JournaledBackend restarted = new JournaledBackend(dir.resolve("journal"));
    assertEquals(List.of("Hallo!", "Wo ist mein Paket?"), texts(restarted));
    Document refused = insert(restarted, message("c1:3", "a", "derselbe clientMsgId"));
    assertNotNull(refused.get("writeErrors"), "the unique index still refuses a resend: " + refused);
    restarted.close();
  }

  @Test
  void anEarlierH2FileIsMovedIntoTheJournalOnceAndKept() {
    Path h2File = dir.resolve("plauder.mv.db");
    H2Backend h2 = new H2Backend(h2File.toString());
    createUniqueIndex(h2);
    insert(h2, message("c1:1", "a", "Grüße aus der alten Datei"), message("c1:2", "b", "zweite"));
    h2.commit();
    h2.close();

    H2Import.importIfNeeded(h2File, dir.resolve("journal"));
    assertFalse(Files.exists(h2File));
    assertTrue(Files.exists(dir.resolve("plauder.mv.db.imported")), "the old file is kept beside the journal");

    JournaledBackend backend = new JournaledBackend(dir.resolve("journal"));
    assertEquals(List.of("Grüße aus der alten Datei", "zweite"), texts(backend));
    assertNotNull(insert(backend, message("c1:3", "b", "resend")).get("writeErrors"), "indexes came along");
    assertNull(insert(backend, message("c1:3", "c", "new")).get("writeErrors"));
    backend.commitIfDirty();
    backend.close();

    H2Import.importIfNeeded(h2File, dir.resolve("journal")); // nothing left to import: the journal stays as it is
    JournaledBackend again = new JournaledBackend(dir.resolve("journal"));
    assertEquals(3, texts(again).size());
    again.close();
  }

  @Test
  void aDocumentNamedByItsKeyWithFurtherConditionsIsFoundAndChangedOnlyWhenThoseHold() {
    JournaledBackend backend = new JournaledBackend(dir.resolve("journal"));
    insert(backend, message("c1:1", "a", "Hallo"), message("c1:2", "b", "Wo ist mein Paket?"), message("c2:1", "c", "Hallo"));

    Document missed = backend.handleCommand(channel, "plauder", "update", new Document("update", "messages").append("updates",
        List.of(new Document("q", new Document("_id", "c1:2").append("text", "Hallo")).append("u", set("text", "nie")))));
    assertEquals(0, ((Number) missed.get("nModified")).intValue(), "the key matches, the condition does not");
    Document hit = backend.handleCommand(channel, "plauder", "update", new Document("update", "messages").append("updates",
        List.of(new Document("q", new Document("_id", "c2:1").append("text", "Hallo")).append("u", set("text", "Hallo!")))));
    assertEquals(1, ((Number) hit.get("nModified")).intValue());
    assertEquals(List.of("Hallo", "Wo ist mein Paket?", "Hallo!"), texts(backend));

    assertEquals(List.of("c1:1"), ids(backend, new Document("_id", "c1:1").append("conversationId", "c1")));
    assertEquals(List.of(), ids(backend, new Document("_id", "c1:1").append("conversationId", "c2")));
    assertEquals(List.of(), ids(backend, new Document("_id", "c9:9").append("conversationId", "c1")));
    assertEquals(List.of("c1:1", "c1:2"), ids(backend, new Document("_id", new Document("$in", List.of("c1:1", "c1:2")))
        .append("conversationId", "c1")), "a key given by an operator still finds every match");
    backend.close();
  }

  @Test
  void aKeyInsideAnAndIsFoundAndChangedOnlyWhenTheOtherConditionsHold() {
    // The driver writes Filters.and(eq("_id", …), …) as {$and: [...]}: "this chat, if still queued".
    JournaledBackend backend = new JournaledBackend(dir.resolve("journal"));
    insert(backend, message("c1:1", "a", "Hallo"), message("c1:2", "b", "Paket?"), message("c2:1", "c", "Hallo"));

    Document missed = backend.handleCommand(channel, "plauder", "update", new Document("update", "messages").append("updates",
        List.of(new Document("q", and(new Document("_id", "c1:2"), new Document("text", "Hallo"))).append("u", set("text", "nie")))));
    assertEquals(0, ((Number) missed.get("nModified")).intValue(), "the key matches, the condition does not");
    Document hit = backend.handleCommand(channel, "plauder", "update", new Document("update", "messages").append("updates",
        List.of(new Document("q", and(new Document("_id", "c2:1"), new Document("text", "Hallo"))).append("u", set("text", "Hallo!")))));
    assertEquals(1, ((Number) hit.get("nModified")).intValue());
    assertEquals(List.of("Hallo", "Paket?", "Hallo!"), texts(backend));

    assertEquals(List.of("c1:1"), ids(backend, and(new Document("conversationId", "c1"), new Document("_id", "c1:1"))));
    assertEquals(List.of(), ids(backend, and(new Document("_id", "c1:1"), new Document("_id", "c1:2"))), "two keys: nothing is both");
    assertEquals(List.of(), ids(backend, and(new Document("_id", "c9:9"), new Document("text", "Hallo"))));
    assertEquals(List.of("c1:1", "c1:2"), ids(backend, and(new Document("conversationId", "c1"), new Document("text", new Document("$ne", "Hallo!")))),
        "without a key, every document is still matched");
    backend.close();
  }

  @Test
  void packedAndHeldCollectionsInsertChangeRemoveAndReplayAlike() {
    // "messages" is kept packed, "conversations" as documents: both must behave the same.
    for (String collection : List.of("messages", "conversations")) {
      assertTrue(JournaledDatabase.PACKED.contains("messages") && !JournaledDatabase.PACKED.contains("conversations"));
      Path journal = dir.resolve("journal-" + collection);
      JournaledBackend backend = new JournaledBackend(journal);
      Instant when = Instant.ofEpochMilli(1_700_000_000_000L); // the wire decoder gives dates so
      run(backend, "insert", collection, "documents", List.of(
          new Document("_id", "a").append("n", 1L).append("at", when).append("tags", List.of("x")).append("inner", new Document("k", "v")),
          new Document("_id", "b").append("n", 2L),
          new Document("_id", "c").append("n", 3L)));
      run(backend, "update", collection, "updates", List.of(new Document("q", new Document("_id", "a"))
          .append("u", new Document("$inc", new Document("n", 10L)).append("$push", new Document("tags", "y")))));
      run(backend, "delete", collection, "deletes", List.of(new Document("q", new Document("_id", "b")).append("limit", 1)));
      run(backend, "insert", collection, "documents", List.of(new Document("_id", "d").append("n", 4L)));

      Document a = find(backend, collection, new Document("_id", "a"), null).get(0);
      assertEquals(11L, a.get("n"), collection);
      assertEquals(when, a.get("at"), collection);
      assertEquals(List.of("x", "y"), a.get("tags"), collection);
      assertEquals(new Document("k", "v"), a.get("inner"), collection);
      assertEquals(List.of("a", "d"), find(backend, collection, new Document("n", new Document("$gt", 3L)), null)
          .stream().map(d -> d.get("_id")).sorted().toList(), "a scan matches every document: " + collection);
      List<Object> natural = find(backend, collection, new Document(), null).stream().map(d -> d.get("_id")).toList();
      List<Object> reversed = find(backend, collection, new Document(), new Document("$natural", -1)).stream().map(d -> d.get("_id")).toList();
      assertEquals(3, natural.size(), collection);
      List<Object> backwards = new ArrayList<>(reversed);
      Collections.reverse(backwards);
      assertEquals(natural, backwards, collection);
      backend.commitIfDirty();
      backend.close();

      JournaledBackend restarted = new JournaledBackend(journal);
      assertEquals(List.of(11L, 3L, 4L), find(restarted, collection, new Document(), new Document("_id", 1))
          .stream().map(d -> d.get("n")).toList(), "after a restart: " + collection);
      assertEquals(1, find(restarted, collection, new Document("_id", "a").append("tags", "y"), null).size(), collection);
      restarted.close();
    }
  }

  @Test
  void aUniqueKeyRefusesItsDuplicateWhetherItHoldsStringsNumbersOrNothingInPackedAndHeldCollections() {
    for (String collection : List.of("messages", "conversations")) {
      JournaledBackend backend = new JournaledBackend(dir.resolve("keys-" + collection));
      Document index = new Document("key", new Document("conversationId", 1).append("clientMsgId", 1))
          .append("name", "conversation_clientMsgId").append("unique", true);
      backend.handleCommand(channel, "plauder", "createIndexes", new Document("createIndexes", collection).append("indexes", List.of(index)));
      List<String> refused = new ArrayList<>();
      List<Document> attempts = List.of(
          new Document("_id", "1").append("conversationId", "c1").append("clientMsgId", "a"),
          new Document("_id", "2").append("conversationId", "c1").append("clientMsgId", "a"),
          new Document("_id", "3").append("conversationId", "c2").append("clientMsgId", "a"),
          new Document("_id", "4").append("conversationId", "c1").append("clientMsgId", 7L),
          new Document("_id", "5").append("conversationId", "c1").append("clientMsgId", 7.0),
          new Document("_id", "6").append("conversationId", "c1"),
          new Document("_id", "7").append("conversationId", "c1").append("clientMsgId", null),
          new Document("_id", "8").append("clientMsgId", "a"));
      for (Document attempt : attempts) {
        Document reply = backend.handleCommand(channel, "plauder", "insert", new Document("insert", collection).append("documents", List.of(attempt)));
        if (reply.get("writeErrors") != null) {
          refused.add((String) attempt.get("_id"));
        }
      }
      assertEquals(List.of("2", "5", "7"), refused, "the same key, a number equal to a stored one, a second key with nothing in it: " + collection);
      backend.close();
    }
  }

  private Document run(MongoBackend backend, String command, String collection, String field, List<Document> items) {
    Document reply = backend.handleCommand(channel, "plauder", command, new Document(command, collection).append(field, items));
    assertNull(reply.get("writeErrors"), reply.toString());
    return reply;
  }

  @SuppressWarnings("unchecked")
  private List<Document> find(MongoBackend backend, String collection, Document filter, Document sort) {
    Document command = new Document("find", collection).append("filter", filter);
    if (sort != null) {
      command.append("sort", sort);
    }
    Document reply = backend.handleCommand(channel, "plauder", "find", command);
    return (List<Document>) ((Document) reply.get("cursor")).get("firstBatch");
  }

  private static Document and(Document... conditions) {
    return new Document("$and", List.of(conditions));
  }

  @Test
  void aListOfKeysFindsExactlyTheListedDocumentsThatExist() {
    JournaledBackend backend = new JournaledBackend(dir.resolve("journal"));
    insert(backend, message("c1:1", "a", "Hallo"), message("c1:2", "b", "Paket?"), message("c2:1", "c", "Hi"), message("c10:1", "d", "x"));

    assertEquals(List.of("c1:2", "c2:1"), ids(backend, new Document("_id", new Document("$in", List.of("c2:1", "c9:1", "c1:2", "c2:1")))));
    assertEquals(List.of(), ids(backend, new Document("_id", new Document("$in", List.of("c1", "C1:1", "c1:1 ")))));
    assertEquals(List.of("c1:1"), ids(backend, new Document("_id", new Document("$in", List.of("c1:1", 7)))), "other values still match as before");
    Document startsWithH = new Document("text", new Document("$regex", "^h").append("$options", "i"));
    assertEquals(List.of("c1:1", "c2:1"), ids(backend, new Document("_id", new Document("$in", List.of("c2:1", "c1:1", "c1:2", "c9:1")))
        .append("text", startsWithH.get("text"))), "the listed documents that also meet the other condition");
    assertEquals(List.of("c1:2"), ids(backend, and(new Document("_id", new Document("$in", List.of("c1:1", "c1:2", "c10:1"))),
        new Document("text", new Document("$regex", "PAKET").append("$options", "i")))), "the same inside an $and");
    assertEquals(List.of(), ids(backend, and(new Document("_id", new Document("$in", List.of("c10:1"))), startsWithH)));
    backend.close();
  }

  private static Document set(String field, Object value) {
    return new Document("$set", new Document(field, value));
  }

  @SuppressWarnings("unchecked")
  private List<Object> ids(MongoBackend backend, Document filter) {
    Document reply = backend.handleCommand(channel, "plauder", "find",
        new Document("find", "messages").append("filter", filter).append("sort", new Document("_id", 1)));
    return ((List<Document>) ((Document) reply.get("cursor")).get("firstBatch")).stream().map(d -> d.get("_id")).toList();
  }

  private void createUniqueIndex(MongoBackend backend) {
    Document index = new Document("key", new Document("conversationId", 1).append("clientMsgId", 1))
        .append("name", "conversation_clientMsgId").append("unique", true);
    backend.handleCommand(channel, "plauder", "createIndexes",
        new Document("createIndexes", "messages").append("indexes", List.of(index)));
  }

  private Document insert(MongoBackend backend, Document... documents) {
    return backend.handleCommand(channel, "plauder", "insert",
        new Document("insert", "messages").append("documents", List.of(documents)));
  }

  private void update(MongoBackend backend, String id, String text) {
    Document change = new Document("q", new Document("_id", id)).append("u", new Document("$set", new Document("text", text)));
    backend.handleCommand(channel, "plauder", "update", new Document("update", "messages").append("updates", List.of(change)));
  }

  @SuppressWarnings("unchecked")
  private List<Object> texts(MongoBackend backend) {
    Document reply = backend.handleCommand(channel, "plauder", "find",
        new Document("find", "messages").append("sort", new Document("_id", 1)));
    List<Document> batch = (List<Document>) ((Document) reply.get("cursor")).get("firstBatch");
    return batch.stream().map(d -> d.get("text")).toList();
  }

  private static Document message(String id, String clientMsgId, String text) {
    return new Document("_id", id).append("conversationId", "c1").append("clientMsgId", clientMsgId).append("text", text);
  }
}
