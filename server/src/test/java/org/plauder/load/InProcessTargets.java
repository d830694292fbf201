package org.plauder.load;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.plauder.TestNode;

/** Targets inside this JVM, for the smoke test: a real node started the way {@link TestNode} starts one, and the bare relay. */
final class InProcessTargets {

  private InProcessTargets() {}

  static Target.Kind plauder(Vertx vertx, Path workDir) {
    return new Target.Kind() {
      public String name() {
        return "Plauder";
      }

      public Target start() {
        return wrap(TestNode.start(vertx, newDir(workDir)));
      }

      public Target startWithMessages(long count) {
        TestNode node = TestNode.start(vertx, newDir(workDir));
        try {
          ExportSeed.seed(node.server, count);
        } catch (Exception e) {
          node.close();
          throw new IllegalStateException("seeding failed", e);
        }
        return wrap(node);
      }
    };
  }

  /** A target in this JVM: measured as this process, closed by {@code stop}. */
  private record Here(int port, String adminEmail, String adminPassword, Runnable stop) implements Target {
    public long pid() {
      return ProcessHandle.current().pid();
    }

    public void close() {
      stop.run();
    }
  }

  private static Target wrap(TestNode node) {
    return new Here(node.port(), TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD, node::close);
  }

  static Target.Kind bareRelay() {
    return new Target.Kind() {
      public String name() {
        return "bare relay";
      }

      public Target start() {
        return startWithMessages(0);
      }

      public Target startWithMessages(long count) {
        Vertx own = Vertx.vertx(); // its own, so that closing it undeploys the relay and its desk
        BareRelay relay = TestNode.await(BareRelay.start(own, 0, count));
        return new Here(relay.actualPort(), "admin@bare.local", "bare", () -> TestNode.await(own.close()));
      }
    };
  }

  private static Path newDir(Path parent) {
    try {
      return Files.createTempDirectory(parent, "node");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
