package org.plauder.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database as a process of its own ({@code java -jar plauder-server.jar database}),
 * so that several nodes on one machine can share it: on a fixed loopback port, behind the same
 * door as in-process, with its connection string in the owner-only file {@code database.uri} of
 * its data directory. A demo and test setup; production runs a MongoDB replica set.
 */
public final class DatabaseProcess {

  private static final Logger log = LoggerFactory.getLogger(DatabaseProcess.class);

  private DatabaseProcess() {}

  /** Starts the database and returns once it has stopped (SIGTERM or Ctrl+C), its journal synced and closed. */
  public static void run(Path dataDir, int port) throws InterruptedException {
    DatabaseUriFile uriFile = new DatabaseUriFile(dataDir);
    EmbeddedDoor door = uriFile.password().map(EmbeddedDoor::withPassword).orElseGet(EmbeddedDoor::withFreshPassword);
    EmbeddedMongo database = EmbeddedMongo.start(dataDir, port, door);
    uriFile.write(database.connectionString());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      database.close();
      log.info("Embedded database stopped; its journal is synced and closed");
      stopped.countDown();
    }, "plauder-database-stop"));
    // The password is only in the file (owner-only), never in the log.
    log.info("Nodes connect with PLAUDER_MONGO_URI=$(cat {})", uriFile.path());
    stopped.await();
  }
}
