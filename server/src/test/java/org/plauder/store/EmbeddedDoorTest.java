package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import org.slf4j.LoggerFactory;

/** Another local process, with a stock MongoDB client and whatever the log says, reads nothing. */
class EmbeddedDoorTest {

  @TempDir
  Path dir;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private EmbeddedMongo db;
  private final List<MongoClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    log.start();
    ((Logger) LoggerFactory.getLogger("ROOT")).addAppender(log);
    db = EmbeddedMongo.start(dir);
    MongoClient own = client(db.connectionString());
    first(own.getDatabase("plauder").getCollection("messages").insertOne(new Document("_id", "c1:1").append("text", "geheim")));
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger("ROOT")).detachAppender(log);
    clients.forEach(MongoClient::close);
    db.close();
  }

  @Test
  void theServersOwnDriverReadsWithThePasswordMadeForThisStart() throws Exception {
    Document stored = first(client(db.connectionString()).getDatabase("plauder").getCollection("messages").find().first());
    assertEquals("geheim", stored.getString("text"));
  }

  @Test
  void aClientPointedAtTheAddressInTheLogCannotReadOrListAnything() throws Exception {
    String logged = log.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(line -> line.startsWith("Embedded MongoDB on")).findFirst().orElseThrow();
    assertFalse(logged.contains(db.connectionString().replaceAll(".*plauder:([^@]+)@.*", "$1")), "no password in the log");
    Matcher address = Pattern.compile("(127\\.0\\.0\\.1:\\d+)").matcher(logged);
    assertTrue(address.find(), logged);

    MongoClient stranger = client("mongodb://" + address.group(1) + "/?serverSelectionTimeoutMS=5000");
    Throwable read = failure(stranger.getDatabase("plauder").getCollection("messages").find().first());
    assertInstanceOf(MongoCommandException.class, read);
    assertEquals(13, ((MongoCommandException) read).getErrorCode(), read.getMessage());
    Throwable list = failure(stranger.listDatabaseNames());
    assertEquals(13, ((MongoCommandException) list).getErrorCode(), list.getMessage());
    Throwable write = failure(stranger.getDatabase("plauder").getCollection("agents").insertOne(new Document("role", "admin")));
    assertEquals(13, ((MongoCommandException) write).getErrorCode(), write.getMessage());
  }

  @Test
  void aGuessedPasswordIsRefused() {
    String guessed = db.connectionString().replaceAll("plauder:[^@]+@", "plauder:plauder@");
    Throwable read = failure(client(guessed + "&serverSelectionTimeoutMS=5000").getDatabase("plauder")
        .getCollection("messages").find().first());
    assertInstanceOf(MongoSecurityException.class, read, String.valueOf(read));
  }

  private MongoClient client(String uri) {
    MongoClient client = MongoClients.create(uri);
    clients.add(client);
    return client;
  }

  private static <T> T first(Publisher<T> publisher) throws Exception {
    return Publishers.first(publisher).get(20, TimeUnit.SECONDS);
  }

  private static Throwable failure(Publisher<?> publisher) {
    try {
      Object value = Publishers.first(publisher).get(20, TimeUnit.SECONDS);
      throw new AssertionError("expected a refusal, read " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
