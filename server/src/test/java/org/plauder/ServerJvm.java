package org.plauder;

import static org.plauder.TestNode.await;

import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Plauder server in a process of its own, started the way its jar starts it ({@link Main}, configured
 * only through PLAUDER_* variables) but from the test classpath: {@code mvn verify} builds the jar
 * after the tests. For tests that kill or stop the process.
 */
final class ServerJvm {

  private ServerJvm() {}

  /** Starts a server on {@code port} with its data in {@code dataDir}; its output goes to {@code log}. */
  static Process start(int port, Path dataDir, Path log, Map<String, String> extraEnv) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.plauder.Main");
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("PLAUDER_"));
    env.put("PLAUDER_PORT", String.valueOf(port));
    env.put("PLAUDER_HOST", "127.0.0.1");
    env.put("PLAUDER_DATA_DIR", dataDir.toString());
    env.put("PLAUDER_JWT_SECRET", TestNode.SECRET);
    env.put("PLAUDER_ADMIN_EMAIL", TestNode.ADMIN_EMAIL);
    env.put("PLAUDER_ADMIN_PASSWORD", TestNode.ADMIN_PASSWORD);
    env.put("PLAUDER_BCRYPT_COST", "4");
    env.putAll(extraEnv);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  /**
   * Starts the embedded database as its own process ({@code Main database}) on {@code port} and
   * returns once it wrote its connection string for nodes ({@code database.uri}).
   */
  static Process startDatabase(int port, Path dataDir, Path log) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.plauder.Main", "database");
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("PLAUDER_"));
    env.put("PLAUDER_DATA_DIR", dataDir.toString());
    env.put("PLAUDER_DATABASE_PORT", String.valueOf(port));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!java.nio.file.Files.exists(dataDir.resolve("database.uri"))) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("the database process did not start: " + java.nio.file.Files.readString(log));
      }
      Thread.sleep(100);
    }
    return process;
  }

  /** Waits until the server answers its health check, at most {@code seconds}. */
  static void waitForHealth(WebClient http, int seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (await(http.get("/health").send()).statusCode() == 200) {
          return;
        }
      } catch (RuntimeException | AssertionError notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server process did not become healthy within " + seconds + " s");
  }
}
