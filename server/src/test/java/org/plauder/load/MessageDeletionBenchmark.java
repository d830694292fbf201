package org.plauder.load;

import static com.mongodb.client.model.Filters.in;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.plauder.PlauderServer;
import org.plauder.TestNode;
import org.plauder.store.Reactive;

/**
 * How long deleting the messages of 500 conversations (one batch of the retention job) takes in an
 * embedded store of many messages, and how long a lookup sent meanwhile waits for the database:
 * by exact ids, as {@code Messages.deleteOfConversations} does, against a filter on the
 * conversation, as it did before, in alternating rounds on the same store. A node runs in this JVM.
 *
 * <p>{@code cd server && mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.plauder.load.MessageDeletionBenchmark -Dexec.args="1000000 3"}
 * (messages, rounds each way)
 */
public final class MessageDeletionBenchmark {

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
        Thread.sleep(5);
        long probeStart = System.nanoTime();
        Document found = Reactive.first(db.messages().find(new Document("_id", probe)).first()).await(120, TimeUnit.SECONDS);
        long probeMillis = (System.nanoTime() - probeStart) / 1_000_000;
        long deleted = deleting.await(300, TimeUnit.SECONDS);
        if (found == null) {
          throw new IllegalStateException("the lookup found nothing: " + probe);
        }
        System.out.printf("| %d | %s | %,d | %,d ms | %,d ms |%n", round + 1, byIds ? "exact ids" : "filter on the conversation",
            deleted, (System.nanoTime() - start) / 1_000_000, probeMillis);
      }
    } finally {
      server.stop().await(60, TimeUnit.SECONDS);
      vertx.close();
    }
  }
}
