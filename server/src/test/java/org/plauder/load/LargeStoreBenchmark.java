package org.plauder.load;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.model.Sorts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import org.plauder.PlauderServer;
import org.plauder.TestNode;
import org.plauder.store.Database;
import org.plauder.store.Reactive;
import org.plauder.transcript.TranscriptSearch;

/**
 * What a transcript search and deleting the messages of 500 conversations (one batch of the
 * retention job) take on an embedded store of many messages, and how long a lookup sent meanwhile
 * waits for the database: the search as {@code TranscriptSearch} does it against one query with
 * a filter on the text, the deletion by exact ids as {@code Messages.deleteOfConversations} does it
 * against a filter on the conversation, as both were done before, in alternating rounds on the
 * same store. A node runs in this JVM.
 *
 * <p>{@code cd server && mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.plauder.load.LargeStoreBenchmark -Dexec.args="1000000 3"}
 * (messages, rounds each way)
 */
public final class LargeStoreBenchmark {

  private static final int BATCH = 500;

  public static void main(String[] args) throws Exception {
    long total = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("plauder-deletion");
    Vertx vertx = Vertx.vertx();
    PlauderServer server = PlauderServer.start(vertx, TestNode.config(dir, null)).await(120, TimeUnit.SECONDS);
    try {
      ExportSeed.seed(server, total);
      var db = server.services().database();
      List<Document> conversations = Reactive.list(db.conversations().find()
          .projection(new Document("_id", 1).append("lastSeq", 1))).await(120, TimeUnit.SECONDS);
      System.out.printf("%,d messages in %,d conversations; %d conversations deleted a round%n", total, conversations.size(), BATCH);
      System.out.println("| round | search | found | took | a lookup sent 5 ms in waited |");
      System.out.println("|---|---|---|---|---|");
      for (int round = 0; round < 2 * rounds; round++) {
        boolean byConversation = round % 2 == 1;
        String text = "Nachricht 1" + round;
        String probe = conversations.get(round).getString("_id") + ":0000000002";
        long start = System.nanoTime();
        Future<Integer> searching = byConversation
            ? new TranscriptSearch(server.services().conversations(), server.services().messageStore())
                .search("demo", text, null, null, null, 100).map(List::size)
            : Reactive.list(db.messages().find(and(eq("siteKey", "demo"), regex("text", Pattern.quote(text), "i")))
                .sort(Sorts.descending("time")).limit(100)).map(List::size);
        long probeMillis = lookUp(db, probe);
        int found = searching.await(300, TimeUnit.SECONDS);
        System.out.printf("| %d | %s | %d | %,d ms | %,d ms |%n", round + 1,
            byConversation ? "conversation by conversation" : "one query, filter on the text", found,
            (System.nanoTime() - start) / 1_000_000, probeMillis);
      }
      System.out.println();
      System.out.println("| round | way | messages deleted | took | a lookup sent 5 ms in waited |");
      System.out.println("|---|---|---|---|---|");
      for (int round = 0; round < 2 * rounds; round++) {
        boolean byIds = round % 2 == 1;
        Map<String, Long> batch = new LinkedHashMap<>();
        conversations.subList(round * BATCH, (round + 1) * BATCH)
            .forEach(c -> batch.put(c.getString("_id"), c.getLong("lastSeq")));
        String probe = conversations.get(conversations.size() - 1 - round).getString("_id") + ":0000000001";
        long start = System.nanoTime();
        Future<Long> deleting = byIds ? server.services().messageStore().deleteOfConversations(batch)
            : Reactive.first(db.messages().deleteMany(in("conversationId", new ArrayList<>(batch.keySet())))).map(r -> r.getDeletedCount());
        long probeMillis = lookUp(db, probe);
        long deleted = deleting.await(300, TimeUnit.SECONDS);
        System.out.printf("| %d | %s | %,d | %,d ms | %,d ms |%n", round + 1, byIds ? "exact ids" : "filter on the conversation",
            deleted, (System.nanoTime() - start) / 1_000_000, probeMillis);
      }
    } finally {
      server.stop().await(60, TimeUnit.SECONDS);
      vertx.close();
    }
  }

  /** Looks up one message by its id 5 ms from now; how long it waited, in milliseconds. */
  private static long lookUp(Database db, String id) throws Exception {
    Thread.sleep(5);
    long start = System.nanoTime();
    Document found = Reactive.first(db.messages().find(new Document("_id", id)).first()).await(120, TimeUnit.SECONDS);
    if (found == null) {
      throw new IllegalStateException("the lookup found nothing: " + id);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
