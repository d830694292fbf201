package org.plauder.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB wire-protocol server used when no PLAUDER_MONGO_URI is given.
 * It listens on loopback only, with one worker thread: concurrent updates of one document are
 * only atomic when the embedded server handles one command at a time.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(MongoServer server, String connectionString) {
    this.server = server;
    this.connectionString = connectionString;
  }

  public static EmbeddedMongo start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** On a given loopback port (0: any free one). */
  public static EmbeddedMongo start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir.toAbsolutePath(), e);
    }
    Path file = dataDir.resolve("plauder.mv.db").toAbsolutePath();
    MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
    server.bind(new InetSocketAddress("127.0.0.1", port), 1, 1);
    InetSocketAddress address = server.getLocalAddress();
    String uri = "mongodb://127.0.0.1:" + address.getPort();
    log.info("Embedded MongoDB on {} with data in {}", uri, file);
    return new EmbeddedMongo(server, uri);
  }

  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
