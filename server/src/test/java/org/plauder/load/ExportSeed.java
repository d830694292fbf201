package org.plauder.load;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Vertx;
import org.bson.Document;
import org.plauder.PlauderServer;
import org.plauder.TestNode;
import org.plauder.store.Reactive;

/**
 * Writes closed conversations of the demo site with their messages straight into a node's store,
 * in the server's own layout, for the bulk-export scenario: through the API it would take longer
 * than the export it prepares.
 */
final class ExportSeed {

  static final int MESSAGES_PER_CONVERSATION = 20;
  /** The export's time range, around the seeded conversations' creation times. */
  static final String EXPORT_QUERY = "?format=ndjson&from=2026-10-01&to=2026-12-31";
  /** The report's, the same. */
  static final String REPORT_QUERY = "?from=2026-10-01&to=2026-12-31";

  private ExportSeed() {}

  /** Seeds a data directory that a packaged jar then starts on: a node in this JVM writes it and stops. */
  static void seedDataDir(Path dataDir, long total) {
    Vertx vertx = Vertx.vertx();
    try {
      PlauderServer server = PlauderServer.start(vertx, TestNode.config(dataDir, null)).await(120, TimeUnit.SECONDS);
      try {
        seed(server, total);
      } finally {
        server.stop().await(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("seeding " + total + " messages into " + dataDir + " failed: " + e.getMessage(), e);
    } finally {
      vertx.close();
    }
  }

  /** Inserts {@code total} messages, 20 per conversation, in batches of 10,000. */
  static void seed(PlauderServer server, long total) throws Exception {
    var db = server.services().database();
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    long conversations = (total + MESSAGES_PER_CONVERSATION - 1) / MESSAGES_PER_CONVERSATION;
    List<Document> convBatch = new ArrayList<>();
    List<Document> msgBatch = new ArrayList<>();
    long written = 0;
    for (long c = 0; c < conversations; c++) {
      String id = new org.bson.types.ObjectId().toHexString();
      int n = (int) Math.min(MESSAGES_PER_CONVERSATION, total - written);
      convBatch.add(new Document("_id", id).append("siteKey", "demo").append("visitorId", "v" + c)
          .append("status", "closed").append("createdAt", Date.from(t.plusSeconds(c))).append("lastSeq", (long) n));
      for (int s = 1; s <= n; s++) {
        msgBatch.add(new Document("_id", id + ":" + String.format("%010d", s)).append("siteKey", "demo")
            .append("conversationId", id).append("seq", (long) s).append("sender", s % 2 == 0 ? "agent" : "visitor")
            .append("text", "Nachricht " + s + ", mit \"Zitat\" und Umlauten äöü").append("clientMsgId", "m" + s)
            .append("time", Date.from(t.plusSeconds(c).plusMillis(s))));
      }
      written += n;
      if (msgBatch.size() >= 10_000 || c == conversations - 1) {
        Reactive.done(db.conversations().insertMany(convBatch)).await(120, TimeUnit.SECONDS);
        Reactive.done(db.messages().insertMany(msgBatch)).await(120, TimeUnit.SECONDS);
        convBatch.clear();
        msgBatch.clear();
      }
    }
  }
}
