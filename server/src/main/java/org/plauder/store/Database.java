package org.plauder.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The one MongoDB connection of a server node, its collections and their indexes. Works the
 * same against the embedded server and a real MongoDB.
 */
public final class Database implements AutoCloseable {

  private final MongoClient client;
  private final MongoDatabase db;

  /**
   * @param writeConcern "majority", a number of nodes, or null: the connection string's own
   *     {@code w}, else majority (every acknowledged write is on most replica-set members; on a
   *     single server, the embedded one included, that is the server itself)
   */
  public Database(String connectionString, String databaseName, String writeConcern) {
    this(connectionString, databaseName, writeConcern, null);
  }

  /** @param metrics where the driver's command latencies and pool sizes are recorded; null: not measured */
  public Database(String connectionString, String databaseName, String writeConcern, MeterRegistry metrics) {
    ConnectionString cs = new ConnectionString(connectionString);
    MongoClientSettings.Builder settings = MongoClientSettings.builder()
        .applyConnectionString(cs)
        .applyToClusterSettings(b -> {
          if (cs.getServerSelectionTimeout() == null) {
            b.serverSelectionTimeout(5, TimeUnit.SECONDS);
          }
        })
        .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS))
        .writeConcern(writeConcernOf(writeConcern, cs));
    if (metrics != null) {
      DriverMetrics.recordTo(settings, metrics);
    }
    this.client = MongoClients.create(settings.build());
    this.db = client.getDatabase(databaseName);
  }

  static WriteConcern writeConcernOf(String configured, ConnectionString cs) {
    if (configured != null) {
      return configured.matches("\\d+") ? new WriteConcern(Integer.parseInt(configured)) : new WriteConcern(configured);
    }
    return cs.getWriteConcern() != null ? cs.getWriteConcern() : WriteConcern.MAJORITY;
  }

  public MongoCollection<Document> sites() {
    return db.getCollection("sites");
  }

  public MongoCollection<Document> agents() {
    return db.getCollection("agents");
  }

  public MongoCollection<Document> visitors() {
    return db.getCollection("visitors");
  }

  public MongoCollection<Document> conversations() {
    return db.getCollection("conversations");
  }

  public MongoCollection<Document> messages() {
    return db.getCollection("messages");
  }

  public MongoCollection<Document> openChats() {
    return db.getCollection("openChats");
  }

  public MongoCollection<Document> queue() {
    return db.getCollection("queue");
  }

  public MongoCollection<Document> routingLog() {
    return db.getCollection("routingLog");
  }

  /** How far each conversation's agent has read, {@code _id} = conversation id. */
  public MongoCollection<Document> readMarks() {
    return db.getCollection("readMarks");
  }

  public MongoCollection<Document> whispers() {
    return db.getCollection("whispers");
  }

  /** Agents' internal notes, one document per conversation ({@code _id} = its id). */
  public MongoCollection<Document> notes() {
    return db.getCollection("notes");
  }

  public MongoCollection<Document> offerStats() {
    return db.getCollection("offerStats");
  }

  public MongoCollection<Document> offerEvents() {
    return db.getCollection("offerEvents");
  }

  public MongoCollection<Document> articles() {
    return db.getCollection("articles");
  }

  public MongoCollection<Document> searchGaps() {
    return db.getCollection("searchGaps");
  }

  public MongoCollection<Document> secrets() {
    return db.getCollection("secrets");
  }

  /** A site's identity secret (the key of {@code userHash}), {@code _id} = site key. */
  public MongoCollection<Document> identitySecrets() {
    return db.getCollection("identitySecrets");
  }

  /** Verified users of a site and their visitor, {@code _id} = site key + ":" + user id. */
  public MongoCollection<Document> verifiedUsers() {
    return db.getCollection("verifiedUsers");
  }

  /** Each e-mail conversation's thread (reply token, Message-IDs), {@code _id} = conversation id. */
  public MongoCollection<Document> mailThreads() {
    return db.getCollection("mailThreads");
  }

  /** Every e-mail taken in, as it came (before trimming), {@code _id} = site key + ":" + Message-ID. */
  public MongoCollection<Document> mailOriginals() {
    return db.getCollection("mailOriginals");
  }

  /** What the FAQ bot answered before any agent and how it ended, {@code _id} = conversation id. */
  public MongoCollection<Document> botAnswers() {
    return db.getCollection("botAnswers");
  }

  /** The database GridFS buckets live in ({@link Files}). */
  MongoDatabase gridFsDatabase() {
    return db;
  }

  /** Creates the indexes the code relies on; idempotent. */
  public Future<Void> ensureIndexes() {
    IndexOptions unique = new IndexOptions().unique(true);
    return Future.all(
        Reactive.done(agents().createIndex(Indexes.ascending("email"), unique)),
        Reactive.done(messages().createIndex(Indexes.ascending("conversationId", "clientMsgId"), unique)),
        Reactive.done(messages().createIndex(Indexes.ascending("siteKey", "time"))),
        Reactive.done(conversations().createIndex(Indexes.ascending("siteKey", "status", "queueTicket"))),
        Reactive.done(queue().createIndex(Indexes.ascending("siteKey", "ticket"))),
        Reactive.done(conversations().createIndex(Indexes.ascending("visitorId", "status"))),
        Reactive.done(conversations().createIndex(SiteConversations.INDEX)),
        Reactive.done(agents().createIndex(Indexes.ascending("siteKey", "status", "freeSlots"))),
        Reactive.done(articles().createIndex(Indexes.ascending("siteKey", "updatedAt"))),
        // Before GridFS's first upload, which would make it without "unique" (GridFsOnEmbeddedTest).
        Reactive.done(db.getCollection(Files.BUCKET + ".chunks").createIndex(Indexes.ascending("files_id", "n"), unique)))
        .mapEmpty();
  }

  /** Round trip to the database, failing after the driver's server-selection timeout. */
  public Future<Void> ping() {
    return Reactive.done(db.runCommand(new Document("ping", 1)));
  }

  @Override
  public void close() {
    client.close();
  }
}
