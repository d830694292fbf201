package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;

/**
 * What DESIGN.md asks to check before attachments build on it: the reactive driver's GridFS on
 * the embedded database — a file split into chunks in {@code files.files} and {@code files.chunks},
 * the unique index on (files_id, n) that keeps a chunk from being stored twice, reading back,
 * deleting, and all of it after a restart.
 */
class GridFsOnEmbeddedTest {

  @TempDir
  Path dir;

  @Test
  void gridFsStoresChunksWithAUniqueIndexAndSurvivesARestart() throws Exception {
    byte[] content = new byte[600_000];
    new Random(7).nextBytes(content);
    ObjectId id;
    EmbeddedMongo mongo = EmbeddedMongo.start(dir);
    try (MongoClient client = MongoClients.create(mongo.connectionString())) {
      MongoDatabase db = client.getDatabase("plauder");
      GridFSBucket bucket = GridFSBuckets.create(db, "files").withChunkSizeBytes(255 * 1024);
      // The reactive driver creates the chunks index without "unique" (its createIndex gets no
      // options), so the store makes it unique itself before the first upload; GridFS then finds it.
      await(db.getCollection("files.chunks").createIndex(new Document("files_id", 1).append("n", 1),
          new com.mongodb.client.model.IndexOptions().unique(true)));
      id = await(bucket.uploadFromPublisher("beleg.pdf", Publishers.slices(content, Files.CHUNK_BYTES),
          new GridFSUploadOptions().metadata(new Document("conversationId", "c1"))));

      assertEquals(1L, (long) await(db.getCollection("files.files").countDocuments()));
      assertEquals(3L, (long) await(db.getCollection("files.chunks").countDocuments(new Document("files_id", id))),
          "600,000 bytes in chunks of 255 KiB");
      List<Document> indexes = all(db.getCollection("files.chunks").listIndexes());
      assertTrue(indexes.stream().anyMatch(i -> i.get("key", Document.class).keySet().equals(java.util.Set.of("files_id", "n"))
), "one index on files_id+n, ours: " + indexes);
      assertEquals(2, indexes.size(), "_id and ours, no second one from the driver: " + indexes);
      ExecutionException twice = assertThrows(ExecutionException.class, () -> await(db.getCollection("files.chunks")
          .insertOne(new Document("files_id", id).append("n", 0).append("data", new org.bson.types.Binary(new byte[1])))));
      assertTrue(twice.getCause().getMessage().contains("duplicate key"), twice.getCause().getMessage());
      assertArrayEquals(content, read(bucket, id));
    } finally {
      mongo.close();
    }

    EmbeddedMongo again = EmbeddedMongo.start(dir);
    try (MongoClient client = MongoClients.create(again.connectionString())) {
      MongoDatabase db = client.getDatabase("plauder");
      GridFSBucket bucket = GridFSBuckets.create(db, "files");
      assertArrayEquals(content, read(bucket, id), "the file is there after a restart");
      com.mongodb.client.gridfs.model.GridFSFile meta = await(bucket.find(new Document("metadata.conversationId", "c1")).first());
      assertEquals(id, meta.getObjectId(), "found by its metadata");
      assertEquals(600_000L, meta.getLength());
      await(bucket.delete(id));
      assertEquals(0L, (long) await(db.getCollection("files.files").countDocuments()));
      assertEquals(0L, (long) await(db.getCollection("files.chunks").countDocuments()));
    } finally {
      again.close();
    }
  }

  private static byte[] read(GridFSBucket bucket, ObjectId id) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer b : all(bucket.downloadToPublisher(id))) {
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      out.write(bytes);
    }
    return out.toByteArray();
  }

  private static <T> T await(Publisher<T> publisher) throws Exception {
    return Publishers.first(publisher).get(10, TimeUnit.SECONDS);
  }

  private static <T> List<T> all(Publisher<T> publisher) throws Exception {
    return Publishers.all(publisher).get(10, TimeUnit.SECONDS);
  }
}
