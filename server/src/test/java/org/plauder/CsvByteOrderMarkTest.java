package org.plauder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/** CSV for Excel: with bom=1 the file starts with UTF-8's byte-order mark, so umlauts survive; without it, as before. */
@ExtendWith(VertxExtension.class)
class CsvByteOrderMarkTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir
  Path dataDir;

  TestNode node;
  String chat;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    TestNode.OnlineAgent anna = node.onlineAgent("Anna", 2);
    Person visitor = node.newVisitor();
    chat = await(anna.bus().request("visitor.requestChat", visitor.token(),
        new JsonObject().put("name", "Jürgen").put("text", "Größe 4, bitte – süß!").put("clientMsgId", "c-1")))
        .getJsonObject("conversation").getString("id");
    anna.bus().close();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void aTranscriptAndTheBulkExportStartWithTheMarkOnlyWhenAskedFor() {
    java.time.Instant now = java.time.Instant.now();
    String bulk = "/api/v1/exports/messages?format=csv&from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60);
    for (String path : new String[] {"/api/v1/conversations/" + chat + "/transcript?format=csv", bulk}) {
      byte[] plain = get(path).body().getBytes();
      byte[] marked = get(path + "&bom=1").body().getBytes();
      assertArrayEquals(BOM, Arrays.copyOf(marked, 3), path);
      assertArrayEquals(plain, Arrays.copyOfRange(marked, 3, marked.length), "the rest is the same file: " + path);
      assertTrue(new String(plain, StandardCharsets.UTF_8).startsWith("conversationId,"), "no mark unless asked for: " + path);
      assertTrue(new String(marked, StandardCharsets.UTF_8).contains("Größe 4, bitte – süß!"), "UTF-8 after the mark");
      assertEquals(plain.length, get(path + "&bom=0").body().getBytes().length);
    }
  }

  @Test
  void aMarkForAnythingButCsvOrAnUnknownValueIsRefused() {
    for (String query : new String[] {"format=json&bom=1", "format=txt&bom=1", "format=csv&bom=yes", "format=csv&bom=true"}) {
      HttpResponse<Buffer> refused = await(node.http.get("/api/v1/conversations/" + chat + "/transcript?" + query)
          .bearerTokenAuthentication(node.loginAdmin().token()).send());
      assertEquals(400, refused.statusCode(), query);
      assertEquals("invalid_input", refused.bodyAsJsonObject().getJsonObject("error").getString("code"), query);
    }
  }

  private HttpResponse<Buffer> get(String path) {
    HttpResponse<Buffer> response = await(node.http.get(path).bearerTokenAuthentication(node.loginAdmin().token()).send());
    assertEquals(200, response.statusCode(), path + " " + response.bodyAsString());
    return response;
  }
}
