package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;
import org.plauder.config.Config;
import org.plauder.conversation.Tags;

/**
 * Wrapping a conversation up, over the real server: tags (normalised, suggested, found, counted in
 * the report), internal notes that never reach the visitor by any path, the visitor's rating
 * comment (in its transcripts and the agents' report), and the report's trend, channels and CSV.
 */
@ExtendWith(VertxExtension.class)
class WrapUpTest {

  private static final String NOTE = "Kundin will Gutschrift statt Ersatz";
  private static final String COMMENT = "Sehr freundlich, <b>danke</b>!";

  @TempDir
  Path dataDir;

  TestMailServer mailServer;
  TestNode node;
  Person admin;
  OnlineAgent anna;
  Person eva;
  BridgeClient evaBus;
  String chat;

  /** Anna answers Eva's chat, which Eva then closes. */
  @BeforeEach
  void start(Vertx vertx) {
    mailServer = new TestMailServer();
    Config.Smtp mail = new Config.Smtp("127.0.0.1", mailServer.mail.getSmtp().getPort(), null, null, "chat@demo.example", "disabled");
    node = TestNode.start(vertx, TestNode.config(dataDir, null).withSmtp(mail));
    admin = node.loginAdmin();
    anna = node.onlineAgent("Anna", 3);
    eva = node.newVisitor();
    evaBus = node.bridge();
    evaBus.register("visitor." + eva.id(), eva.token());
    chat = await(evaBus.request("visitor.requestChat", eva.token(), new JsonObject()
        .put("text", "Wo bleibt mein Paket?").put("clientMsgId", "e-1"))).getJsonObject("conversation").getString("id");
    await(anna.bus().push("assigned"));
    await(anna.bus().request("agent.send", anna.person().token(), new JsonObject().put("conversationId", chat)
        .put("text", "Ich schaue nach.").put("clientMsgId", "a-1")));
  }

  @AfterEach
  void stop() {
    if (evaBus != null) {
      evaBus.close();
    }
    if (node != null) {
      node.close();
    }
    mailServer.close();
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    var request = node.http.request(method, path).bearerTokenAuthentication(token);
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  private JsonObject ok(HttpMethod method, String path, String token, JsonObject body) {
    HttpResponse<Buffer> response = call(method, path, token, body);
    assertEquals(200, response.statusCode(), path + ": " + response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private String text(String path, String token) {
    HttpResponse<Buffer> response = call(HttpMethod.GET, path, token, null);
    assertEquals(200, response.statusCode(), path + ": " + response.bodyAsString());
    return response.bodyAsString();
  }

  private JsonArray tag(String tag) {
    return ok(HttpMethod.POST, "/api/v1/conversations/" + chat + "/tags", anna.person().token(), new JsonObject().put("tag", tag))
        .getJsonArray("tags");
  }

  private String range() {
    return "from=" + Instant.now().minusSeconds(3600) + "&to=" + Instant.now().plusSeconds(60);
  }

  @Test
  void tagsAreNormalisedSuggestedFoundAndCountedInTheReport() {
    assertEquals(new JsonArray().add("versand"), tag("  Versand "));
    assertEquals(new JsonArray().add("versand").add("rückgabe"), tag("RÜCKGABE"));
    assertEquals(new JsonArray().add("versand").add("rückgabe"), tag("versand"), "a tag there already is not added twice");

    // Bad input is refused with a reason and changes nothing; nobody outside the site's agents may tag.
    HttpResponse<Buffer> bad = call(HttpMethod.POST, "/api/v1/conversations/" + chat + "/tags", anna.person().token(),
        new JsonObject().put("tag", "<script>"));
    assertEquals(400, bad.statusCode());
    assertEquals("invalid_input", bad.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(401, call(HttpMethod.POST, "/api/v1/conversations/" + chat + "/tags", eva.token(),
        new JsonObject().put("tag", "spam")).statusCode());
    assertEquals(404, call(HttpMethod.POST, "/api/v1/conversations/" + chat + "/tags", node.agentOfAnotherSite("agent").token(),
        new JsonObject().put("tag", "spam")).statusCode());
    assertEquals(new JsonArray().add("versand").add("rückgabe"),
        ok(HttpMethod.GET, "/api/v1/conversations/" + chat + "/wrap-up", anna.person().token(), null).getJsonArray("tags"));

    assertEquals(new JsonArray().add("versand"), ok(HttpMethod.DELETE, "/api/v1/conversations/" + chat + "/tags/R%C3%BCckgabe",
        anna.person().token(), null).getJsonArray("tags"));

    // Suggestions are the site's tags in use; a tag finds its conversations, in any case.
    JsonArray inUse = ok(HttpMethod.GET, "/api/v1/tags", admin.token(), null).getJsonArray("tags");
    assertEquals(new JsonArray().add(new JsonObject().put("tag", "versand").put("conversations", 1)), inUse);
    JsonArray found = ok(HttpMethod.GET, "/api/v1/wrap-ups?tag=VERSAND", anna.person().token(), null).getJsonArray("results");
    assertEquals(1, found.size());
    assertEquals(chat, found.getJsonObject(0).getJsonObject("conversation").getString("id"));
    assertEquals(0, ok(HttpMethod.GET, "/api/v1/wrap-ups?tag=rückgabe", anna.person().token(), null).getJsonArray("results").size());

    await(anna.bus().request("agent.close", anna.person().token(), new JsonObject().put("conversationId", chat)));
    assertEquals(new JsonArray().add("versand").add("nach-dem-ende"), tag("nach dem Ende"), "wrap-up goes on after the close");
    JsonObject report = ok(HttpMethod.GET, "/api/v1/reports?" + range(), admin.token(), null);
    assertEquals(new JsonObject().put("tag", "nach-dem-ende").put("conversations", 1), report.getJsonArray("tags").getJsonObject(0));
    assertEquals(2, report.getJsonArray("tags").size());
  }

  @Test
  void aNoteStaysWithTheAgentsAndNeverReachesTheVisitor() throws Exception {
    JsonObject note = new JsonObject().put("text", NOTE).put("clientMsgId", "n-1");
    JsonObject stored = ok(HttpMethod.POST, "/api/v1/conversations/" + chat + "/notes", anna.person().token(), note);
    assertFalse(stored.getBoolean("duplicate"));
    assertEquals("Anna", stored.getJsonObject("note").getString("agentName"));
    assertTrue(ok(HttpMethod.POST, "/api/v1/conversations/" + chat + "/notes", anna.person().token(), note).getBoolean("duplicate"));
    assertEquals(400, call(HttpMethod.POST, "/api/v1/conversations/" + chat + "/notes", anna.person().token(),
        new JsonObject().put("text", "  ").put("clientMsgId", "n-2")).statusCode());
    assertEquals(401, call(HttpMethod.GET, "/api/v1/conversations/" + chat + "/wrap-up", eva.token(), null).statusCode());
    tag("gutschrift");

    // Agents read it beside the chat and find the chat by it.
    JsonArray notes = ok(HttpMethod.GET, "/api/v1/conversations/" + chat + "/wrap-up", admin.token(), null).getJsonArray("notes");
    assertEquals(1, notes.size());
    assertEquals(NOTE, notes.getJsonObject(0).getString("text"));
    JsonArray found = ok(HttpMethod.GET, "/api/v1/wrap-ups?q=GUTSCHRIFT%20statt", anna.person().token(), null).getJsonArray("results");
    assertEquals(chat, found.getJsonObject(0).getJsonObject("conversation").getString("id"));
    assertEquals(NOTE, found.getJsonObject(0).getJsonArray("notes").getJsonObject(0).getString("text"));
    assertEquals(0, ok(HttpMethod.GET, "/api/v1/wrap-ups?q=Gutschrift&tag=versand", anna.person().token(), null)
        .getJsonArray("results").size(), "both given: the note must be on a conversation with the tag");

    // The visitor: no push, no history, no transcript in any format, no e-mailed transcript, no export.
    await(evaBus.request("visitor.close", eva.token(), new JsonObject().put("conversationId", chat)));
    JsonObject history = await(evaBus.request("visitor.history", eva.token(), new JsonObject()));
    String seenByVisitor = evaBus.pendingPushes() + history.encode();
    assertTrue(seenByVisitor.contains("Ich schaue nach."), "the visitor's view holds the chat");
    assertFalse(seenByVisitor.contains(NOTE) || seenByVisitor.contains("gutschrift"), seenByVisitor);
    for (String format : new String[] {"json", "csv", "txt", "html"}) {
      String transcript = text("/api/v1/conversations/" + chat + "/transcript?format=" + format, eva.token());
      assertTrue(transcript.contains("Wo bleibt mein Paket?"), format);
      assertFalse(transcript.contains(NOTE) || transcript.contains("gutschrift"), format + ": " + transcript);
    }
    await(evaBus.request("visitor.emailTranscript", eva.token(), new JsonObject().put("conversationId", chat)
        .put("email", "eva@example.org")));
    assertTrue(mailServer.mail.waitForIncomingEmail(10_000, 1));
    String mailed = GreenMailUtil.getWholeMessage(mailServer.mail.getReceivedMessages()[0]).replace("=\r\n", "");
    assertTrue(mailed.contains("Paket"), mailed);
    assertFalse(mailed.contains("Gutschrift") || mailed.contains("gutschrift"), mailed);
    for (String format : new String[] {"ndjson", "csv"}) {
      String export = text("/api/v1/exports/messages?format=" + format + "&" + range(), admin.token());
      assertTrue(export.contains("Wo bleibt mein Paket?"), format);
      assertFalse(export.contains(NOTE), format);
    }
  }

  @Test
  void aColleaguesTagAndNoteReachTheSitesAgentsLiveAndNeverTheVisitor() {
    OnlineAgent ben = node.onlineAgent("Ben", 2);
    OnlineAgent sina = node.onlineAgent("Sina", 2, "supervisor");
    JsonObject byBen = new JsonObject().put("tag", "Rückgabe");
    ok(HttpMethod.POST, "/api/v1/conversations/" + chat + "/tags", ben.person().token(), byBen);
    for (OnlineAgent viewer : List.of(anna, sina)) {
      JsonObject pushed = await(viewer.bus().push(p -> "wrapUp".equals(p.getString("type")) && p.containsKey("tags")));
      assertEquals(chat, pushed.getString("conversationId"));
      assertEquals(new JsonArray().add("rückgabe"), pushed.getJsonArray("tags"));
    }
    ok(HttpMethod.POST, "/api/v1/conversations/" + chat + "/notes", ben.person().token(),
        new JsonObject().put("text", NOTE).put("clientMsgId", "n-ben"));
    JsonObject noted = await(anna.bus().push(p -> "wrapUp".equals(p.getString("type")) && p.containsKey("note")));
    assertEquals(NOTE, noted.getJsonObject("note").getString("text"));
    assertEquals("Ben", noted.getJsonObject("note").getString("agentName"));
    assertEquals(chat, noted.getString("conversationId"));
    ok(HttpMethod.DELETE, "/api/v1/conversations/" + chat + "/tags/r%C3%BCckgabe", ben.person().token(), null);
    assertEquals(new JsonArray(), await(sina.bus().push(p -> "wrapUp".equals(p.getString("type"))
        && new JsonArray().equals(p.getJsonArray("tags")))).getJsonArray("tags"), "a removed tag is pushed too");

    // Anna answers after all that: Eva gets the answer, and never a tag or a note.
    await(anna.bus().request("agent.send", anna.person().token(), new JsonObject().put("conversationId", chat)
        .put("text", "Die Rücksendung ist angelegt.").put("clientMsgId", "a-2")));
    await(evaBus.push(p -> "message".equals(p.getString("type")) && p.encode().contains("Rücksendung ist angelegt")));
    String seenByVisitor = evaBus.pendingPushes().toString();
    assertFalse(seenByVisitor.contains("wrapUp") || seenByVisitor.contains(NOTE) || seenByVisitor.contains("rückgabe"), seenByVisitor);
    ben.bus().close();
    sina.bus().close();
  }

  @Test
  void concurrentTagAdditionsNeverGoPastTheLimit() {
    // One connection per call, so that all of them are in the server at once.
    WebClient parallel = WebClient.create(node.vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()),
        new PoolOptions().setHttp1MaxSize(3 * Tags.MAX_PER_CONVERSATION));
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 3 * Tags.MAX_PER_CONVERSATION; i++) {
      calls.add(parallel.post("/api/v1/conversations/" + chat + "/tags").bearerTokenAuthentication(anna.person().token())
          .sendJsonObject(new JsonObject().put("tag", "tag-" + i)));
    }
    await(Future.join(calls));
    parallel.close();
    long added = calls.stream().filter(c -> c.result().statusCode() == 200).count();
    long refused = calls.stream().filter(c -> c.result().statusCode() == 409
        && "too_many_tags".equals(c.result().bodyAsJsonObject().getJsonObject("error").getString("code"))).count();
    assertEquals(Tags.MAX_PER_CONVERSATION, added, "every addition gets one answer: added while there was room");
    assertEquals(2 * Tags.MAX_PER_CONVERSATION, refused, "… or refused as full");
    assertEquals(Tags.MAX_PER_CONVERSATION, ok(HttpMethod.GET, "/api/v1/conversations/" + chat + "/wrap-up", anna.person().token(), null)
        .getJsonArray("tags").size());
  }

  @Test
  void theRatingCommentIsInTheVisitorsTranscriptAndTheAgentsReport() {
    await(evaBus.request("visitor.close", eva.token(), new JsonObject().put("conversationId", chat)));
    JsonObject tooLong = new JsonObject().put("conversationId", chat).put("rating", 2).put("comment", "x".repeat(501));
    assertEquals("invalid_input", assertRefused(evaBus.request("visitor.rate", eva.token(), tooLong)).code());
    assertNull(ok(HttpMethod.GET, "/api/v1/conversations/" + chat, anna.person().token(), null)
        .getJsonObject("conversation").getInteger("rating"), "a refused rating changes nothing");

    JsonObject rated = await(evaBus.request("visitor.rate", eva.token(), new JsonObject().put("conversationId", chat)
        .put("rating", 4).put("comment", "  " + COMMENT + "  ")));
    assertEquals(COMMENT, rated.getString("comment"));

    String text = text("/api/v1/conversations/" + chat + "/transcript?format=txt&lang=de", eva.token());
    assertTrue(text.contains("Bewertung: 4/5\nKommentar: " + COMMENT + "\n"), text);
    assertTrue(text("/api/v1/conversations/" + chat + "/transcript?format=html", eva.token())
        .contains("Sehr freundlich, &lt;b&gt;danke&lt;/b&gt;!"));
    assertEquals(COMMENT, ok(HttpMethod.GET, "/api/v1/conversations/" + chat + "/wrap-up", anna.person().token(), null)
        .getString("ratingComment"));

    JsonObject report = ok(HttpMethod.GET, "/api/v1/reports?" + range(), admin.token(), null);
    JsonObject comment = report.getJsonArray("ratingComments").getJsonObject(0);
    assertEquals(COMMENT, comment.getString("comment"));
    assertEquals(4, comment.getInteger("rating"));
    assertEquals("Anna", comment.getString("agentName"));
  }

  @Test
  void theReportHasADailyTrendTimesPerChannelAndACsvForExcel() {
    await(anna.bus().request("agent.close", anna.person().token(), new JsonObject().put("conversationId", chat)));
    JsonObject report = ok(HttpMethod.GET, "/api/v1/reports?" + range(), admin.token(), null);
    JsonArray days = report.getJsonArray("days");
    int chats = 0;
    for (int i = 0; i < days.size(); i++) {
      chats += days.getJsonObject(i).getInteger("chats");
    }
    assertEquals(1, chats, "the chat is on one of the period's days");
    JsonObject chatChannel = report.getJsonArray("channels").getJsonObject(0);
    assertEquals("chat", chatChannel.getString("channel"));
    assertEquals(1, chatChannel.getInteger("conversations"));
    assertTrue(chatChannel.getLong("firstResponseMedianSeconds") >= 0);
    assertTrue(chatChannel.getLong("resolutionMedianSeconds") >= 0);
    assertEquals(new JsonObject().put("channel", "email").put("conversations", 0).putNull("firstResponseMedianSeconds")
        .putNull("firstResponseP90Seconds").putNull("resolutionMedianSeconds").putNull("resolutionP90Seconds"),
        report.getJsonArray("channels").getJsonObject(1));

    HttpResponse<Buffer> csv = call(HttpMethod.GET, "/api/v1/reports?format=csv&bom=1&" + range(), admin.token(), null);
    assertEquals(200, csv.statusCode(), csv.bodyAsString());
    assertEquals("text/csv; charset=utf-8", csv.getHeader("Content-Type"));
    assertTrue(csv.getHeader("Content-Disposition").matches("attachment; filename=\"report-demo-\\d{4}-\\d\\d-\\d\\d\\.csv\""),
        csv.getHeader("Content-Disposition"));
    byte[] bytes = csv.body().getBytes();
    assertEquals(0xEF, bytes[0] & 0xFF, "starts with the UTF-8 byte-order mark");
    String body = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertTrue(body.startsWith("figure,value\r\n"), body);
    assertTrue(body.contains("\r\nchats,1\r\n"), body);
    assertTrue(body.contains("\r\nchannel,conversations,"), body);
    assertEquals(403, call(HttpMethod.GET, "/api/v1/reports?format=csv&" + range(), anna.person().token(), null).statusCode());
    assertEquals(400, call(HttpMethod.GET, "/api/v1/reports?format=txt&" + range(), admin.token(), null).statusCode());
  }
}
