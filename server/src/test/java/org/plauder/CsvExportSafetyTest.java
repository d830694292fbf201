package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/** CSV exports open in a spreadsheet as data, never as formulas; JSON and NDJSON keep every text exactly. */
@ExtendWith(VertxExtension.class)
class CsvExportSafetyTest {

  static final String NAME = "=cmd|' /C calc'!A0";
  /** What an attacker types, each beginning with a character that starts a formula (or splits a cell). */
  static final List<String> FORMULAS = List.of(
      "=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1", "Hallo;=1+1", "harmlos");
  static final List<String> IN_CSV = List.of(
      "'=HYPERLINK(\"http://evil\",\"x\")", "'+1+1", "'-2+3", "'@SUM(1)", "'\t=1+1", "'\r=1+1", "Hallo;=1+1", "harmlos");

  @TempDir
  Path dataDir;

  TestNode node;
  BridgeClient bus;
  String chat;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    bus = node.bridge();
    Person agent = node.createAgent("Anna", 3);
    bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    Person visitor = node.newVisitor();
    chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject().put("name", NAME)))
        .getJsonObject("conversation").getString("id");
    for (int i = 0; i < FORMULAS.size(); i++) {
      await(bus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", chat).put("text", FORMULAS.get(i)).put("clientMsgId", "f-" + i)));
    }
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
  }

  private String get(String path) {
    HttpResponse<Buffer> response = await(node.http.get(path).bearerTokenAuthentication(node.loginAdmin().token()).send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return new String(response.body().getBytes(), StandardCharsets.UTF_8);
  }

  private static List<CSVRecord> parse(String csv) {
    try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
      return parser.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertNeutralised(String csv) {
    List<CSVRecord> rows = parse(csv);
    assertEquals(FORMULAS.size() + 1, rows.size(), csv);
    for (int i = 0; i < FORMULAS.size(); i++) {
      CSVRecord row = rows.get(i + 1);
      assertEquals("'" + NAME, row.get(4));
      assertEquals(IN_CSV.get(i), row.get(5));
    }
    // Each neutralised cell is quoted, its quotes doubled, the single quote inside the quotes.
    assertTrue(csv.contains(",\"'=cmd|' /C calc'!A0\",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"), csv);
    assertTrue(csv.contains(",\"'-2+3\"\r\n"), csv);
    assertTrue(csv.contains(",\"Hallo;=1+1\"\r\n"), csv);
    assertTrue(csv.contains(",harmlos\r\n"), csv);
  }

  @Test
  void aConversationsCsvNeutralisesFormulaCellsAndItsJsonKeepsThemExactly() {
    assertNeutralised(get("/api/v1/conversations/" + chat + "/transcript?format=csv"));

    JsonArray messages = new JsonObject(get("/api/v1/conversations/" + chat + "/transcript?format=json")).getJsonArray("messages");
    for (int i = 0; i < FORMULAS.size(); i++) {
      assertEquals(FORMULAS.get(i), messages.getJsonObject(i).getString("text"));
      assertEquals(NAME, messages.getJsonObject(i).getString("senderName"));
    }
  }

  @Test
  void theBulkCsvNeutralisesFormulaCellsAndTheNdjsonKeepsThemExactly() {
    String range = "from=" + Instant.now().minusSeconds(3600) + "&to=" + Instant.now().plusSeconds(3600);
    assertNeutralised(get("/api/v1/exports/messages?format=csv&" + range));

    String[] lines = get("/api/v1/exports/messages?format=ndjson&" + range).split("\n");
    assertEquals(FORMULAS.size(), lines.length);
    for (int i = 0; i < FORMULAS.size(); i++) {
      assertEquals(FORMULAS.get(i), new JsonObject(lines[i]).getString("text"));
    }
  }
}
