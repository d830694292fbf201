package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.conversation.ChatMessage;
import org.plauder.site.Site;
import org.plauder.transcript.RetentionJob;

/** What happens to conversations after they are spoken: export, search, masking, retention, erasure, reports. */
@ExtendWith(VertxExtension.class)
class TranscriptTest {

  /** Texts that break naive exporters: separators, quotes, line breaks, emoji, markup. */
  static final List<String> TRICKY = List.of(
      "Hallo, ich habe eine Frage",
      "Er sagte \"Hallo\", dann ging er",
      "Zeile eins\nZeile zwei",
      "Kaffee ☕ und 🙂",
      "<script>alert('x')</script>");

  @TempDir
  Path dataDir;

  MovableClock clock;
  TestNode node;
  Person agent;
  BridgeClient bus;

  @BeforeEach
  void start(Vertx vertx) {
    clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    node = TestNode.start(vertx, TestNode.config(dataDir, null), clock);
    agent = node.createAgent("Anna", 3);
    bus = node.bridge();
    bus.register("agent." + agent.id(), agent.token()); // online counts only with a dashboard open
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
  }

  private String chatWith(Person visitor, List<String> visitorTexts) {
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject().put("name", "Eva")))
        .getJsonObject("conversation").getString("id");
    int i = 0;
    for (String text : visitorTexts) {
      await(bus.request("visitor.send", visitor.token(), new JsonObject()
          .put("conversationId", chat).put("text", text).put("clientMsgId", "m-" + i++)));
    }
    return chat;
  }

  private HttpResponse<Buffer> transcript(String chat, String format, String token) {
    return await(node.http.get("/api/v1/conversations/" + chat + "/transcript?format=" + format)
        .bearerTokenAuthentication(token).send());
  }

  private JsonArray stored(String chat) {
    return await(bus.request("agent.history", agent.token(), new JsonObject().put("conversationId", chat))).getJsonArray("messages");
  }

  @Test
  void csvExportQuotesEveryTrickyTextExactly() {
    Person visitor = node.newVisitor();
    String chat = chatWith(visitor, TRICKY);
    JsonArray messages = stored(chat);
    StringBuilder expected = new StringBuilder("conversationId,seq,time,sender,senderName,text\r\n");
    String[] quotedTexts = {
        "\"Hallo, ich habe eine Frage\"",
        "\"Er sagte \"\"Hallo\"\", dann ging er\"",
        "\"Zeile eins\nZeile zwei\"",
        "Kaffee ☕ und 🙂",
        "<script>alert('x')</script>"};
    for (int i = 0; i < TRICKY.size(); i++) {
      JsonObject m = messages.getJsonObject(i);
      expected.append(chat).append(',').append(i + 1).append(',').append(m.getString("time"))
          .append(",visitor,Eva,").append(quotedTexts[i]).append("\r\n");
    }
    HttpResponse<Buffer> csv = transcript(chat, "csv", agent.token());
    assertEquals(200, csv.statusCode());
    assertEquals("text/csv; charset=utf-8", csv.getHeader("Content-Type"));
    assertEquals(expected.toString(), new String(csv.body().getBytes(), StandardCharsets.UTF_8));
    assertTrue(messages.getJsonObject(0).getString("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
  }

  @Test
  void jsonTextAndHtmlExportsCarryTheStoredTextAndNeverLiveMarkup() {
    Person visitor = node.newVisitor();
    String chat = chatWith(visitor, TRICKY);
    JsonArray messages = stored(chat);

    JsonObject json = transcript(chat, "json", agent.token()).bodyAsJsonObject();
    assertEquals(messages, json.getJsonArray("messages"));
    assertEquals(chat, json.getJsonObject("conversation").getString("id"));

    String text = transcript(chat, "txt", agent.token()).bodyAsString(StandardCharsets.UTF_8.name());
    // people's text: the site's time zone (Berlin by default), names, continuation lines indented
    String t3 = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.of("Europe/Berlin"))
        .format(java.time.Instant.parse(messages.getJsonObject(2).getString("time")));
    assertTrue(text.contains("[" + t3 + "] Eva: Zeile eins\n    Zeile zwei\n"), text);
    assertTrue(text.contains("Kaffee ☕ und 🙂"));

    HttpResponse<Buffer> html = transcript(chat, "html", agent.token());
    String page = html.bodyAsString(StandardCharsets.UTF_8.name());
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page);
    assertFalse(page.contains("<script>"));
    assertTrue(page.contains("Er sagte &#34;Hallo&#34;, dann ging er"));
    assertTrue(html.getHeader("Content-Security-Policy").startsWith("default-src 'none'"));
  }

  @Test
  void aTranscriptReadsInTheReadersLanguageAndTheSitesTimeZoneUnderAFileNamePeopleRecognise() {
    Person visitor = node.newVisitor();
    String chat = chatWith(visitor, List.of("Wo bleibt mein Paket?"));
    java.time.Instant sent = java.time.Instant.parse(stored(chat).getJsonObject(0).getString("time"));
    java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    HttpResponse<Buffer> german = transcript(chat, "txt&lang=de", visitor.token());
    String text = german.bodyAsString(StandardCharsets.UTF_8.name());
    assertTrue(text.startsWith("Chatverlauf\nWebsite: Demo shop\nBesucher: Eva\n"), text);
    assertTrue(text.contains("Begonnen: " + day.withZone(java.time.ZoneId.of("Europe/Berlin")).format(sent) + ", "), text);
    String date = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneId.of("Europe/Berlin")).format(sent);
    assertEquals("attachment; filename=\"demo-" + date + "-eva.txt\"", german.getHeader("Content-Disposition"));
    assertTrue(transcript(chat, "html&lang=en", visitor.token()).bodyAsString().contains("<dt>Visitor</dt><dd>Eva</dd>"));
    assertEquals(400, transcript(chat, "txt&lang=fr", visitor.token()).statusCode());

    // The admin sets the site's zone; a bad one is refused and changes nothing.
    String admin = node.loginAdmin().token();
    assertEquals(400, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("timeZone", "Mars/Olympus"))).statusCode());
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("timeZone", "UTC"))).statusCode());
    String utc = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC).format(sent);
    assertTrue(transcript(chat, "txt&lang=en", visitor.token()).bodyAsString().contains("[" + utc + "] Eva: Wo bleibt mein Paket?"));
  }

  @Test
  void onlyTheSitesAgentsAndTheConversationsOwnVisitorMayExport() {
    Person visitor = node.newVisitor();
    String chat = chatWith(visitor, List.of("privat"));
    assertEquals(200, transcript(chat, "txt", visitor.token()).statusCode());
    assertEquals(404, transcript(chat, "txt", node.newVisitor().token()).statusCode());
    assertEquals(401, transcript(chat, "txt", "forged").statusCode());
    assertEquals(400, transcript(chat, "pdf", agent.token()).statusCode());

    Person foreignAgent = node.agentOfAnotherSite("agent");
    HttpResponse<Buffer> foreign = transcript(chat, "json", foreignAgent.token());
    assertEquals(404, foreign.statusCode());
    assertEquals("not_found", foreign.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  void aFirstMessageWithACardNumberIsMaskedAndTheReplySaysSo() {
    Person visitor = node.newVisitor();
    JsonObject state = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject()
        .put("text", "Karte 5555 5555 5555 4444").put("clientMsgId", "first-1")));
    assertTrue(state.getBoolean("masked"));
    assertEquals("Karte •••• •••• •••• 4444", stored(state.getJsonObject("conversation").getString("id")).getJsonObject(0).getString("text"));
  }

  @Test
  void cardNumbersAreMaskedBeforeTheyAreStoredOrForwardedUnlessTheSiteTurnsItOff() {
    Person visitor = node.newVisitor();
    String chat = chatWith(visitor, List.of());
    JsonObject ack = await(bus.request("visitor.send", visitor.token(), new JsonObject().put("conversationId", chat)
        .put("text", "Karte 4111 1111 1111 1111, Bestellung 4111 1111 1111 1112").put("clientMsgId", "card-1")));
    assertTrue(ack.getBoolean("masked"));
    assertEquals("Karte •••• •••• •••• 1111, Bestellung 4111 1111 1111 1112", stored(chat).getJsonObject(0).getString("text"));
    JsonObject resent = await(bus.request("visitor.send", visitor.token(), new JsonObject().put("conversationId", chat)
        .put("text", "Karte 4111 1111 1111 1111, Bestellung 4111 1111 1111 1112").put("clientMsgId", "card-1")));
    assertTrue(resent.getBoolean("duplicate"));
    assertTrue(resent.getBoolean("masked"), "a resend answers as the first send did");

    patchSite(new JsonObject().put("maskCardNumbers", false));
    JsonObject plain = await(bus.request("visitor.send", visitor.token(), new JsonObject().put("conversationId", chat)
        .put("text", "Karte 4111-1111-1111-1111").put("clientMsgId", "card-2")));
    assertFalse(plain.getBoolean("masked"));
    assertEquals("Karte 4111-1111-1111-1111", stored(chat).getJsonObject(1).getString("text"));
  }

  @Test
  void searchFindsTextLiterallyAndCaseInsensitively() {
    Person visitor = node.newVisitor();
    String chat = chatWith(visitor, List.of("Wo ist mein PAKET?", "Regex .* bleibt Text", "nichts davon"));
    JsonArray paket = search("q=paket");
    assertEquals(1, paket.size());
    assertEquals("Wo ist mein PAKET?", paket.getJsonObject(0).getJsonObject("message").getString("text"));
    assertEquals(chat, paket.getJsonObject(0).getJsonObject("conversation").getString("id"));
    assertEquals(1, search("q=.*").size());
    assertEquals(0, search("q=" + "pak.t").size());
    assertEquals(3, search("agentId=" + agent.id()).size());
    assertEquals(0, search("agentId=" + node.loginAdmin().id()).size());
  }

  @Test
  void retentionRemovesEndedConversationsOlderThanTheSitesLimitAndNothingElse() {
    Person oldVisitor = node.newVisitor();
    String old = chatWith(oldVisitor, List.of("alt"));
    await(bus.request("visitor.close", oldVisitor.token(), new JsonObject().put("conversationId", old)));
    Person openVisitor = node.newVisitor();
    String open = chatWith(openVisitor, List.of("noch offen"));
    patchSite(new JsonObject().put("retentionDays", 1));

    RetentionJob job = new RetentionJob(node.server.services());
    assertEquals(0L, await(job.purgeExpired(clock.instant().plus(Duration.ofHours(23)))));
    assertEquals(1L, await(job.purgeExpired(clock.instant().plus(Duration.ofDays(2)))));
    assertEquals(404, transcript(old, "json", agent.token()).statusCode());
    assertEquals(0, search("q=alt").size());
    assertEquals(200, transcript(open, "json", agent.token()).statusCode());
  }

  @Test
  void erasingAVisitorRemovesAllItsDataAndLeavesEveryoneElseUntouched() {
    Person erased = node.newVisitor();
    String first = chatWith(erased, List.of("erste"));
    await(bus.request("visitor.close", erased.token(), new JsonObject().put("conversationId", first)));
    String second = chatWith(erased, List.of("zweite"));
    Person kept = node.newVisitor();
    String keptChat = chatWith(kept, List.of("bleibt"));
    String admin = node.loginAdmin().token();

    assertEquals(404, await(node.http.delete("/api/v1/visitors/" + erased.id())
        .bearerTokenAuthentication(node.agentOfAnotherSite("admin").token()).send()).statusCode());
    assertEquals(403, await(node.http.delete("/api/v1/visitors/" + erased.id()).bearerTokenAuthentication(agent.token()).send()).statusCode());
    HttpResponse<Buffer> result = await(node.http.delete("/api/v1/visitors/" + erased.id()).bearerTokenAuthentication(admin).send());
    assertEquals(200, result.statusCode());
    assertEquals(2, result.bodyAsJsonObject().getInteger("conversations"));
    assertEquals(2, result.bodyAsJsonObject().getInteger("messages"));

    assertEquals(404, transcript(first, "json", agent.token()).statusCode());
    assertEquals(404, transcript(second, "json", agent.token()).statusCode());
    assertEquals(List.of("bleibt"), stored(keptChat).stream().map(m -> ((JsonObject) m).getString("text")).toList());
    // The open chat was closed first, so the agent got its slot back.
    JsonObject me = await(bus.request("agent.conversations", agent.token(), new JsonObject()));
    assertEquals(1, me.getJsonObject("agent").getInteger("load"));
  }

  @Test
  void bulkExportStreamsEveryMessageOfTheRangeAsNdjsonAndCsv() {
    Person a = node.newVisitor();
    String chatA = chatWith(a, TRICKY);
    Person b = node.newVisitor();
    String chatB = chatWith(b, List.of("zweites Gespräch"));
    String admin = node.loginAdmin().token();
    String range = "from=" + clock.instant().minus(Duration.ofDays(1)) + "&to=" + clock.instant().plus(Duration.ofDays(1));

    HttpResponse<Buffer> ndjson = await(node.http.get("/api/v1/exports/messages?format=ndjson&" + range).bearerTokenAuthentication(admin).send());
    assertEquals(200, ndjson.statusCode());
    String[] lines = ndjson.bodyAsString(StandardCharsets.UTF_8.name()).split("\n");
    assertEquals(TRICKY.size() + 1, lines.length);
    JsonArray expected = stored(chatA).addAll(stored(chatB));
    for (int i = 0; i < lines.length; i++) {
      assertEquals(expected.getJsonObject(i), new JsonObject(lines[i]));
    }

    HttpResponse<Buffer> csv = await(node.http.get("/api/v1/exports/messages?format=csv&" + range).bearerTokenAuthentication(admin).send());
    String body = csv.bodyAsString(StandardCharsets.UTF_8.name());
    assertTrue(body.startsWith("conversationId,seq,time,sender,senderName,text\r\n"));
    assertTrue(body.contains("\"Zeile eins\nZeile zwei\""));
    assertTrue(body.endsWith(chatB + ",1," + stored(chatB).getJsonObject(0).getString("time") + ",visitor,Eva,zweites Gespräch\r\n"));

    String future = "from=" + clock.instant().plus(Duration.ofDays(1)) + "&to=" + clock.instant().plus(Duration.ofDays(2));
    HttpResponse<Buffer> empty = await(node.http.get("/api/v1/exports/messages?" + future).bearerTokenAuthentication(admin).send());
    assertEquals(200, empty.statusCode());
    assertEquals(0, empty.body() == null ? 0 : empty.body().length());
    assertEquals(403, await(node.http.get("/api/v1/exports/messages?" + range).bearerTokenAuthentication(agent.token()).send()).statusCode());
    assertEquals(400, await(node.http.get("/api/v1/exports/messages?from=yesterday&to=today").bearerTokenAuthentication(admin).send()).statusCode());
  }

  @Test
  void bulkExportKeepsEveryConversationWholeAndInOrderWhenOneIsLongerThanAPage() {
    String before = chatWith(node.newVisitor(), List.of("vorher"));
    Person talker = node.newVisitor();
    String longChat = chatWith(talker, List.of("Nachricht 1"));
    // 1,200 more messages, stored directly (through the bridge its rate limits would take minutes);
    // the conversation's recorded last seq lags five behind, as after a crash between the two writes.
    Services services = node.server.services();
    for (int seq = 2; seq <= 1201; seq++) {
      await(services.messageStore().insert(new ChatMessage(longChat, seq, ChatMessage.Sender.VISITOR, talker.id(), "Eva",
          "Nachricht " + seq, "direct-" + seq, clock.instant()), "demo"));
    }
    await(services.conversations().recordSeq(longChat, 1196));
    String after = chatWith(node.newVisitor(), List.of("nachher"));
    String range = "from=" + clock.instant().minus(Duration.ofDays(1)) + "&to=" + clock.instant().plus(Duration.ofDays(1));

    HttpResponse<Buffer> ndjson = await(node.http.get("/api/v1/exports/messages?format=ndjson&" + range)
        .bearerTokenAuthentication(node.loginAdmin().token()).send());

    List<JsonObject> lines = Arrays.stream(ndjson.bodyAsString(StandardCharsets.UTF_8.name()).split("\n")).map(JsonObject::new).toList();
    assertEquals(1203, lines.size());
    assertEquals(List.of(before, "vorher"), List.of(lines.get(0).getString("conversationId"), lines.get(0).getString("text")));
    for (int seq = 1; seq <= 1201; seq++) {
      JsonObject line = lines.get(seq);
      assertEquals(List.of(longChat, (long) seq, "Nachricht " + seq),
          List.of(line.getString("conversationId"), line.getLong("seq"), line.getString("text")));
    }
    assertEquals(List.of(after, "nachher"), List.of(lines.get(1202).getString("conversationId"), lines.get(1202).getString("text")));
  }

  @Test
  void reportFiguresMatchAKnownDayOfChats() {
    await(bus.request("agent.status", agent.token(), new JsonObject().put("maxChats", 1)));
    Instant start = clock.instant();
    // Eva is served at once, answered after 30 s, closes after 120 s and rates 4.
    Person eva = node.newVisitor();
    String evaChat = chatWith(eva, List.of("Hallo"));
    clock.advance(Duration.ofSeconds(10));
    // Max waits from 10 s until Eva's chat ends at 120 s, then is never answered; closed at 200 s.
    Person max = node.newVisitor();
    String maxChat = chatWith(max, List.of("Hallo?"));
    clock.advance(Duration.ofSeconds(20));
    await(bus.request("agent.send", agent.token(), new JsonObject().put("conversationId", evaChat).put("text", "Hi!").put("clientMsgId", "r-1")));
    clock.advance(Duration.ofSeconds(90));
    await(bus.request("visitor.close", eva.token(), new JsonObject().put("conversationId", evaChat)));
    await(bus.request("visitor.rate", eva.token(), new JsonObject().put("conversationId", evaChat).put("rating", 4)));
    clock.advance(Duration.ofSeconds(10));
    // Ida joins the queue at 130 s and leaves unserved at 160 s.
    Person ida = node.newVisitor();
    String idaChat = chatWith(ida, List.of("Jemand da?"));
    clock.advance(Duration.ofSeconds(30));
    await(bus.request("visitor.close", ida.token(), new JsonObject().put("conversationId", idaChat)));
    clock.advance(Duration.ofSeconds(40));
    await(bus.request("agent.close", agent.token(), new JsonObject().put("conversationId", maxChat)));

    String range = "from=" + start.minusSeconds(1) + "&to=" + clock.instant().plusSeconds(1);
    JsonObject report = await(node.http.get("/api/v1/reports?" + range).bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject();
    JsonObject site = report.getJsonObject("site");
    assertEquals(3, site.getInteger("chats"));
    assertEquals(2, site.getInteger("missed"));
    assertEquals(0L, site.getLong("waitMedianSeconds"));
    assertEquals(110L, site.getLong("waitP90Seconds"));
    assertEquals(30L, site.getLong("firstResponseMedianSeconds"));
    assertEquals(80L, site.getLong("durationMedianSeconds"));
    assertEquals(4.0, site.getDouble("ratingAverage"));
    JsonObject anna = report.getJsonArray("agents").getJsonObject(0);
    assertEquals("Anna", anna.getString("agentName"));
    assertEquals(2, anna.getInteger("chats"));
    assertEquals(1, anna.getInteger("missed"));
  }

  private JsonArray search(String query) {
    HttpResponse<Buffer> response = await(node.http.get("/api/v1/messages?" + query).bearerTokenAuthentication(agent.token()).send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonArray("results");
  }

  private void patchSite(JsonObject changes) {
    HttpResponse<Buffer> response = await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(changes));
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

}
