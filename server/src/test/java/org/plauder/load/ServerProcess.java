package org.plauder.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.plauder.TestNode;

/**
 * A target in its own process: the packaged Plauder jar on a fresh embedded database (configured
 * only through its documented PLAUDER_* variables), or the bare relay on this classpath.
 */
final class ServerProcess implements Target {

  private final Process process;
  private final int port;
  private final String adminEmail;
  private final String adminPassword;

  private ServerProcess(Process process, int port, String adminEmail, String adminPassword) {
    this.process = process;
    this.port = port;
    this.adminEmail = adminEmail;
    this.adminPassword = adminPassword;
  }

  /** Plauder from {@code jar}, each start on a new data directory under {@code workDir}. */
  static Kind plauder(Path jar, Path workDir, List<String> jvmOptions) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " is missing: build it first (mvn -B -q package -DskipTests)");
    }
    return new Kind() {
      public String name() {
        return "Plauder";
      }

      public Target start() {
        return startJar(jar, newDir(workDir, "data"), workDir, jvmOptions);
      }

      public Target startWithMessages(long count) {
        Path data = newDir(workDir, "data");
        ExportSeed.seedDataDir(data, count);
        return startJar(jar, data, workDir, jvmOptions);
      }
    };
  }

  /** The bare relay, started from this JVM's classpath. */
  static Kind bareRelay(Path workDir, List<String> jvmOptions) {
    return new Kind() {
      public String name() {
        return "bare relay";
      }

      public Target start() {
        return startWithMessages(0);
      }

      public Target startWithMessages(long count) {
        int port = TestNode.freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareRelay.class.getName(),
            Integer.toString(port), Long.toString(count)));
        return launch(new ProcessBuilder(command), port, "bare", "bare", workDir);
      }
    };
  }

  private static Target startJar(Path jar, Path dataDir, Path workDir, List<String> jvmOptions) {
    int port = TestNode.freePort();
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("PLAUDER_"));
    env.put("PLAUDER_PORT", Integer.toString(port));
    env.put("PLAUDER_HOST", "127.0.0.1");
    env.put("PLAUDER_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("PLAUDER_DATA_DIR", dataDir.toString());
    env.put("PLAUDER_ADMIN_EMAIL", TestNode.ADMIN_EMAIL);
    env.put("PLAUDER_ADMIN_PASSWORD", TestNode.ADMIN_PASSWORD);
    // The lowest cost the server accepts: creating a hundred agents is set-up, not what is measured.
    env.put("PLAUDER_BCRYPT_COST", "4");
    return launch(builder, port, TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD, workDir);
  }

  private static Target launch(ProcessBuilder builder, int port, String adminEmail, String adminPassword, Path workDir) {
    Path log = workDir.resolve("server-" + port + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + builder.command(), e);
    }
    ServerProcess target = new ServerProcess(process, port, adminEmail, adminPassword);
    // A store of a million messages took longer than two minutes to load on a busy box.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!target.healthy()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("the server did not come up on port " + port + "; its log: " + log);
      }
      sleep(200);
    }
    return target;
  }

  private boolean healthy() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public String adminEmail() {
    return adminEmail;
  }

  @Override
  public String adminPassword() {
    return adminPassword;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path newDir(Path parent, String prefix) {
    try {
      return Files.createTempDirectory(parent, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
