package org.plauder.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode;

/**
 * The bulk export over several conversation pages, each read in several batches of messages while
 * the one before is written: every message comes once, conversations in id order, each whole and
 * in seq order, as a client reading the NDJSON expects.
 */
@ExtendWith(VertxExtension.class)
class ExportOfManyConversationsTest {

  @TempDir
  Path dataDir;

  @Test
  void everyMessageOfThousandsOfConversationsComesOnceAndInOrder(Vertx vertx) throws Exception {
    TestNode node = TestNode.start(vertx, dataDir);
    try {
      int conversations = 1_100; // two pages of conversations, each read in several batches of messages
      ExportSeed.seed(node.server, (long) conversations * ExportSeed.MESSAGES_PER_CONVERSATION);
      HttpResponse<Buffer> export = await(node.http.get("/api/v1/exports/messages" + ExportSeed.EXPORT_QUERY)
          .bearerTokenAuthentication(node.loginAdmin().token()).send());
      assertEquals(200, export.statusCode());

      String[] lines = export.bodyAsString(StandardCharsets.UTF_8.name()).split("\n");
      assertEquals(conversations * ExportSeed.MESSAGES_PER_CONVERSATION, lines.length);
      String conversation = "";
      long seq = 0;
      int seen = 0;
      for (String line : lines) {
        JsonObject m = new JsonObject(line);
        if (!m.getString("conversationId").equals(conversation)) {
          if (seen > 0) {
            assertEquals(ExportSeed.MESSAGES_PER_CONVERSATION, seq, "the conversation before came whole: " + conversation);
          }
          assertTrue(m.getString("conversationId").compareTo(conversation) > 0, "conversations in id order, each once");
          conversation = m.getString("conversationId");
          seq = 0;
          seen++;
        }
        assertEquals(++seq, m.getLong("seq"), "seqs in order within " + conversation);
      }
      assertEquals(ExportSeed.MESSAGES_PER_CONVERSATION, seq, "the last conversation came whole");
      assertEquals(conversations, seen);
    } finally {
      node.close();
    }
  }
}
