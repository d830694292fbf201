package org.plauder.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode;

/**
 * The bulk export over several conversation pages, each read in several batches of messages while
 * the one before is written: every message comes once, each conversation once and whole, its
 * messages together and in seq order, as a client reading the NDJSON expects — also to a client
 * that reads slowly, so that the server has to wait for it between writes. The conversations come
 * in no particular order (the protocol promises none).
 */
@ExtendWith(VertxExtension.class)
class ExportOfManyConversationsTest {

  /**
   * Three pages of conversations, each read in several batches of messages; about 12 MB of NDJSON,
   * more than the sockets' buffers take in while a slow client has not read it.
   */
  private static final int CONVERSATIONS = 2_500;

  @TempDir
  Path dataDir;

  @Test
  void everyMessageOfThousandsOfConversationsComesOnceAndInOrderAlsoToASlowClient(Vertx vertx) throws Exception {
    TestNode node = TestNode.start(vertx, dataDir);
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setReceiveBufferSize(16 * 1024));
    try {
      ExportSeed.seed(node.server, (long) CONVERSATIONS * ExportSeed.MESSAGES_PER_CONVERSATION);
      String token = node.loginAdmin().token();
      HttpResponse<Buffer> export = await(node.http.get("/api/v1/exports/messages" + ExportSeed.EXPORT_QUERY)
          .bearerTokenAuthentication(token).send());
      assertEquals(200, export.statusCode());
      assertEachConversationOnceWholeAndInOrder(export.bodyAsString(StandardCharsets.UTF_8.name()));

      Promise<String> slowly = Promise.promise();
      client.request(HttpMethod.GET, node.port(), "127.0.0.1", "/api/v1/exports/messages" + ExportSeed.EXPORT_QUERY)
          .compose(request -> request.putHeader("Authorization", "Bearer " + token).send())
          .onSuccess(response -> {
            // About 2 MB a second, a fraction of what the server writes.
            Buffer all = Buffer.buffer();
            response.pause();
            response.handler(chunk -> {
              all.appendBuffer(chunk);
              vertx.setTimer(1 + chunk.length() / 2_000, t -> response.fetch(1));
            });
            response.exceptionHandler(slowly::tryFail);
            response.endHandler(v -> slowly.tryComplete(all.toString(StandardCharsets.UTF_8)));
            response.fetch(1);
          })
          .onFailure(slowly::tryFail);
      assertEachConversationOnceWholeAndInOrder(await(slowly.future()));
    } finally {
      client.close();
      node.close();
    }
  }

  private static void assertEachConversationOnceWholeAndInOrder(String ndjson) {
    String[] lines = ndjson.split("\n");
    assertEquals(CONVERSATIONS * ExportSeed.MESSAGES_PER_CONVERSATION, lines.length);
    Set<String> seen = new HashSet<>();
    String conversation = "";
    long seq = 0;
    for (String line : lines) {
      JsonObject m = new JsonObject(line);
      if (!m.getString("conversationId").equals(conversation)) {
        if (!seen.isEmpty()) {
          assertEquals(ExportSeed.MESSAGES_PER_CONVERSATION, seq, "the conversation before came whole: " + conversation);
        }
        conversation = m.getString("conversationId");
        assertTrue(seen.add(conversation), "each conversation once, its messages together: " + conversation);
        seq = 0;
      }
      assertEquals(++seq, m.getLong("seq"), "seqs in order within " + conversation);
    }
    assertEquals(ExportSeed.MESSAGES_PER_CONVERSATION, seq, "the last conversation came whole");
    assertEquals(CONVERSATIONS, seen.size());
  }
}
