package org.plauder;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.plauder.cluster.ClusteredVertx;
import org.plauder.config.Config;
import org.plauder.config.MailboxVariables;
import org.plauder.mail.EnvironmentMailbox;
import org.plauder.store.Mailboxes;
import org.plauder.metrics.NodeMetrics;
import org.plauder.store.DatabaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one Plauder node configured from the environment; with the argument {@code database},
 * the embedded database as a process of its own for several nodes on one machine.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && "database".equals(args[0])) {
      runDatabase();
      return;
    }
    Config config;
    MailboxVariables mailbox;
    try {
      config = Config.fromEnvironment(System.getenv());
      mailbox = MailboxVariables.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Vert.x's own metrics must be chosen when Vert.x is built, before anything else starts.
    NodeMetrics metrics = NodeMetrics.of(config);
    Future<Vertx> started = config.cluster() == null
        ? Future.succeededFuture(metrics.vertxBuilder(new VertxOptions()).build())
        : ClusteredVertx.start(config.cluster(), metrics);
    started.onComplete(vertx -> run(vertx, config, metrics, mailbox), error -> {
      log.error("Plauder could not join its cluster: {}", error.getMessage(), error);
      System.exit(1);
    });
  }

  private static void runDatabase() throws InterruptedException {
    Config.SharedDatabase database;
    try {
      database = Config.sharedDatabaseFromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    DatabaseProcess.run(database.dataDir(), database.port());
  }

  private static void run(Vertx vertx, Config config, NodeMetrics metrics, MailboxVariables mailbox) {
    PlauderServer.start(vertx, config, Clock.systemUTC(), metrics).onComplete(server -> {
      if (mailbox != null) {
        EnvironmentMailbox.connect(new Mailboxes(server.services().database()), server.services().events(), mailbox)
            .onSuccess(v -> log.info("Support mailbox {} of site {} from PLAUDER_MAIL_*", mailbox.mailbox().address(), mailbox.siteKey()))
            .onFailure(e -> log.error("Support mailbox from PLAUDER_MAIL_* not stored: {}", e.getMessage()));
      }
      String base = config.publicUrl();
      log.info("Plauder is listening on port {}", server.port());
      log.info("Demo shop:       {}/demo/", base);
      log.info("Agent dashboard: {}/dashboard/", base);
      if (metrics.enabled()) {
        log.info("Metrics:         {}/metrics (Authorization: Bearer $PLAUDER_METRICS_TOKEN)", base);
      }
      if (Config.DEMO_ADMIN_EMAIL.equals(config.adminEmail())) {
        log.info("Demo admin login: {} (password from PLAUDER_ADMIN_PASSWORD, demo default documented in the README)",
            config.adminEmail());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWithin(vertx, server, config.shutdownSeconds()), "plauder-stop"));
    }, error -> {
      log.error("Plauder could not start: {}", error.getMessage(), error);
      vertx.close();
      System.exit(1);
    });
  }

  /** On SIGTERM: a graceful stop (see {@code NodeStop}), and the JVM exits after at most {@code seconds} either way. */
  private static void stopWithin(Vertx vertx, PlauderServer server, int seconds) {
    try {
      server.stop().eventually(() -> vertx.close()).toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      log.warn("stopping took longer than PLAUDER_SHUTDOWN_SECONDS={} s; exiting anyway", seconds);
    } catch (ExecutionException e) {
      log.warn("stopping failed: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
