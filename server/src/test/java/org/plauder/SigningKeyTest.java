package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.config.Config;
import org.plauder.store.EmbeddedMongo;
import org.plauder.store.Publishers;
import org.reactivestreams.Publisher;

/** Whoever can read the database cannot sign a token: the key lives in an owner-only file. */
@ExtendWith(VertxExtension.class)
class SigningKeyTest {

  @TempDir
  Path dataDir;

  private EmbeddedMongo db;
  private MongoClient client;

  @BeforeEach
  void startDatabase() {
    db = EmbeddedMongo.start(dataDir.resolve("db"));
    client = MongoClients.create(db.connectionString());
  }

  @AfterEach
  void stopDatabase() {
    client.close();
    db.close();
  }

  @Test
  void theGeneratedKeyIsAnOwnerOnlyFileAndTokensSurviveARestart(Vertx vertx) throws Exception {
    Config config = TestNode.config(dataDir.resolve("node"), db.connectionString()).withJwtSecret(null);
    TestNode first = TestNode.start(vertx, config);
    Person visitor = first.newVisitor();
    first.close();

    Path key = dataDir.resolve("node").resolve("token-signing.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertTrue(Files.readString(key).trim().length() >= 64);
    assertNull(first(secrets().find().first()), "no key in the database");

    TestNode second = TestNode.start(vertx, config);
    try (BridgeClient bus = second.bridge()) {
      await(bus.request("visitor.history", visitor.token(), new JsonObject()));
    } finally {
      second.close();
    }
  }

  @Test
  void aKeyAnEarlierVersionKeptInTheDatabaseMovesIntoTheFileAndItsTokensStayValid(Vertx vertx) throws Exception {
    String earlierKey = "an-earlier-version-generated-this-key-and-kept-it-in-the-database-0123456789";
    TestNode earlier = TestNode.start(vertx, TestNode.config(dataDir.resolve("node"), db.connectionString()).withJwtSecret(earlierKey));
    Person visitor = earlier.newVisitor();
    earlier.close();
    first(secrets().insertOne(new Document("_id", "jwt").append("value", earlierKey)));

    TestNode upgraded = TestNode.start(vertx, TestNode.config(dataDir.resolve("node"), db.connectionString()).withJwtSecret(null));
    try (BridgeClient bus = upgraded.bridge()) {
      await(bus.request("visitor.history", visitor.token(), new JsonObject()));
    } finally {
      upgraded.close();
    }
    assertEquals(earlierKey, Files.readString(dataDir.resolve("node").resolve("token-signing.key")).trim());
    assertNull(first(secrets().find().first()), "the key left the database");
  }

  private MongoCollection<Document> secrets() {
    return client.getDatabase("plauder").getCollection("secrets");
  }

  private static <T> T first(Publisher<T> publisher) throws Exception {
    return Publishers.first(publisher).get(20, TimeUnit.SECONDS);
  }
}
