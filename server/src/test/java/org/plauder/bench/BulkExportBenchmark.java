package org.plauder.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.plauder.PlauderServer;
import org.plauder.TestNode;
import org.plauder.store.Reactive;

/**
 * Exports N messages (default 1,000,000) of one site as NDJSON through the real server on the
 * embedded database and reports time and the highest heap use seen. Run it with a small heap
 * (see README, "Bulk export in bounded memory"): an export that held its result would fail.
 */
public final class BulkExportBenchmark {

  private static final int MESSAGES_PER_CONVERSATION = 20;

  public static void main(String[] args) throws Exception {
    long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("plauder-bench");
    Vertx vertx = Vertx.vertx();
    PlauderServer server = PlauderServer.start(vertx, TestNode.config(dir, null)).await(60, TimeUnit.SECONDS);
    try {
      long seedStart = System.nanoTime();
      seed(server, total);
      System.out.printf("seeded %,d messages in %d s%n", total, (System.nanoTime() - seedStart) / 1_000_000_000);

      String admin = server.services().tokens().issue(org.plauder.auth.Identity.agent("bench", "demo", "admin"));
      AtomicLong peakHeap = new AtomicLong();
      Runtime rt = Runtime.getRuntime();
      long sampler = vertx.setPeriodic(50, id -> peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max));
      long start = System.nanoTime();
      long[] lines = export(vertx, server.port(), admin);
      long millis = (System.nanoTime() - start) / 1_000_000;
      vertx.cancelTimer(sampler);
      System.out.printf("exported %,d lines (%,d bytes) in %.1f s = %,.0f messages/s; max heap %d MB of %d MB%n",
          lines[0], lines[1], millis / 1000.0, lines[0] * 1000.0 / millis, peakHeap.get() >> 20, rt.maxMemory() >> 20);
      if (lines[0] != total) {
        throw new AssertionError("expected " + total + " lines, got " + lines[0]);
      }
    } finally {
      server.stop().await(30, TimeUnit.SECONDS);
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** Writes conversations and their messages straight into the store, in the server's own layout. */
  private static void seed(PlauderServer server, long total) throws Exception {
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

  /** Streams the export and counts lines and bytes without keeping them. */
  private static long[] export(Vertx vertx, int port, String adminToken) throws Exception {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    long[] counts = new long[2];
    Future<Void> done = client.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setURI("/api/v1/exports/messages?format=ndjson&from=2026-10-01&to=2026-12-31")
            .putHeader("Authorization", "Bearer " + adminToken))
        .compose(req -> req.send())
        .compose(resp -> {
          if (resp.statusCode() != 200) {
            return resp.body().compose(b -> Future.failedFuture("export failed: " + resp.statusCode() + " " + b));
          }
          resp.handler(buf -> {
            counts[1] += buf.length();
            for (int i = 0; i < buf.length(); i++) {
              if (buf.getByte(i) == '\n') {
                counts[0]++;
              }
            }
          });
          return resp.end();
        });
    done.await(Duration.ofHours(1).toMillis(), TimeUnit.MILLISECONDS);
    client.close();
    return counts;
  }
}
