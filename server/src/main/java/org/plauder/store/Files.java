package org.plauder.store;

import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import io.vertx.core.Future;
import java.nio.ByteBuffer;
import java.util.List;
import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.plauder.attachment.FileType;
import org.plauder.attachment.StoredFile;
import org.reactivestreams.Publisher;

/**
 * Files sent in chats, in GridFS (bucket {@code files}: the collections {@code files.files} and
 * {@code files.chunks}), through the reactive driver; the same on the embedded database and a real
 * MongoDB ({@code GridFsOnEmbeddedTest}). Whose a file is lives in its {@code metadata}. The
 * driver's GridFS makes its chunks index without "unique", so {@link Database#ensureIndexes} makes
 * it unique first: a chunk (files_id, n) can never be stored twice.
 */
public final class Files {

  static final String BUCKET = "files";
  static final int CHUNK_BYTES = 255 * 1024;

  private final Database db;
  private final GridFSBucket bucket;

  public Files(Database db) {
    this.db = db;
    this.bucket = GridFSBuckets.create(db.gridFsDatabase(), BUCKET).withChunkSizeBytes(CHUNK_BYTES);
  }

  /**
   * Stores the bytes, as the publisher gives them, with their owner's details; the returned file
   * has its id. When the publisher fails, nothing of it stays.
   */
  public Future<StoredFile> save(StoredFile file, Publisher<ByteBuffer> content) {
    Document metadata = new Document("siteKey", file.siteKey())
        .append("conversationId", file.conversationId())
        .append("visitorId", file.visitorId())
        .append("senderId", file.senderId())
        .append("type", file.type().mime())
        .append("uploadedAt", Dates.toDate(file.uploadedAt()));
    ObjectId id = new ObjectId();
    return Reactive.done(bucket.uploadFromPublisher(new BsonObjectId(id), file.name(), content,
            new GridFSUploadOptions().metadata(metadata)))
        .map(v -> file.withId(id.toHexString()))
        // The driver deletes the chunks of a failed upload, but a chunk insert still under way can
        // land after its delete: once the failure is in, every chunk of this id goes, and once more
        // after that round trip, for an insert that was already on its way when the first ran.
        .recover(failed -> deleteChunksOf(id).compose(v -> deleteChunksOf(id)).transform(v -> Future.failedFuture(failed)));
  }

  private Future<Void> deleteChunksOf(ObjectId id) {
    return Reactive.done(db.gridFsDatabase().getCollection(BUCKET + ".chunks").deleteMany(Filters.eq("files_id", id)));
  }

  /** The file with that id, or null (also for an id that is not one of ours). */
  public Future<StoredFile> find(String id) {
    if (id == null || !ObjectId.isValid(id)) {
      return Future.succeededFuture();
    }
    return Reactive.first(bucket.find(Filters.eq("_id", new ObjectId(id))).first()).map(Files::toFile);
  }

  /** The files of these conversations, oldest first. */
  public Future<List<StoredFile>> ofConversations(List<String> conversationIds) {
    if (conversationIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return Reactive.list(bucket.find(Filters.in("metadata.conversationId", conversationIds)))
        .map(list -> list.stream().map(Files::toFile)
            .sorted(java.util.Comparator.comparing(StoredFile::uploadedAt)).toList());
  }

  /** Deletes one file, its chunks first (a crash in between leaves a file without content, never lost chunks). */
  public Future<Void> delete(String id) {
    return Reactive.done(bucket.delete(new ObjectId(id)));
  }

  /** Deletes every file of these conversations; returns how many went. */
  public Future<Long> deleteOfConversations(List<String> conversationIds) {
    return ofConversations(conversationIds).compose(files -> {
      Future<Long> deleted = Future.succeededFuture(0L);
      for (StoredFile f : files) {
        deleted = deleted.compose(n -> delete(f.id()).map(v -> n + 1));
      }
      return deleted;
    });
  }

  /** How many files the bucket holds (for tests and the operator). */
  public Future<Long> count() {
    return Reactive.first(db.gridFsDatabase().getCollection(BUCKET + ".files").countDocuments());
  }

  /** How many chunks the bucket holds: none may be left of a file that was refused or deleted. */
  public Future<Long> chunkCount() {
    return Reactive.first(db.gridFsDatabase().getCollection(BUCKET + ".chunks").countDocuments());
  }

  /** The content of a stored file, chunk by chunk, as the reader asks for them. */
  public Publisher<ByteBuffer> content(String id) {
    return bucket.downloadToPublisher(new ObjectId(id));
  }

  private static StoredFile toFile(GridFSFile f) {
    if (f == null) {
      return null;
    }
    Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
    return new StoredFile(f.getObjectId().toHexString(), m.getString("siteKey"), m.getString("conversationId"),
        m.getString("visitorId"), m.getString("senderId"), f.getFilename(), FileType.ofMime(m.getString("type")),
        f.getLength(), Dates.toInstant(m.getDate("uploadedAt")));
  }

  private static byte[] bytesOf(ByteBuffer b) {
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return bytes;
  }
}
