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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.store.Files;

/** Files sent in a chat over real HTTP, announced over the real bridge, stored in GridFS on the embedded database. */
@ExtendWith(VertxExtension.class)
class FileAttachmentTest {

  /** The smallest PNG there is: 1×1 pixel. */
  static final byte[] PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path dataDir;

  TestNode node;
  Person agent;
  Person visitor;
  BridgeClient agentBus;
  BridgeClient visitorBus;
  String conversationId;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    agent = node.createAgent("Anna", 3);
    visitor = node.newVisitor();
    agentBus = node.bridge();
    visitorBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
    visitorBus.register("visitor." + visitor.id(), visitor.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(),
        new JsonObject().put("name", "Eva").put("text", "Hallo").put("clientMsgId", "v-1")));
    conversationId = state.getJsonObject("conversation").getString("id");
    await(agentBus.push("assigned"));
  }

  @AfterEach
  void stop() {
    agentBus.close();
    visitorBus.close();
    node.close();
  }

  private HttpResponse<Buffer> upload(String token, String name, byte[] content) {
    return await(node.http.post("/api/v1/files").addQueryParam("conversationId", conversationId)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Origin", node.origin())
        .putHeader("Content-Type", "image/png") // a browser's claim, which the server ignores
        .putHeader("X-File-Name", java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")) // as encodeURIComponent
        .sendBuffer(Buffer.buffer(content)));
  }

  private HttpResponse<Buffer> download(String token, String fileId) {
    return await(node.http.get("/api/v1/files/" + fileId).putHeader("Authorization", "Bearer " + token).send());
  }

  /** Files stored, and no chunk left over of one that is not. */
  private long storedFiles() {
    Files files = new Files(node.server.services().database());
    long count = await(files.count());
    if (count == 0) {
      assertEquals(0L, (long) await(files.chunkCount()), "no chunks without a file");
    }
    return count;
  }

  @Test
  void aVisitorsImageReachesTheAgentLiveAndDownloadsWithSafeHeaders() {
    HttpResponse<Buffer> sent = upload(visitor.token(), "Bildschirmfoto 1.png", PNG);
    assertEquals(201, sent.statusCode(), sent.bodyAsString());
    JsonObject attachment = sent.bodyAsJsonObject().getJsonObject("attachment");
    assertEquals("image/png", attachment.getString("type"));
    assertEquals("Bildschirmfoto 1.png", attachment.getString("name"));
    assertEquals(PNG.length, attachment.getLong("size"));
    assertEquals(2, sent.bodyAsJsonObject().getLong("seq"));

    JsonObject atAgent = await(agentBus.push(p -> "message".equals(p.getString("type")) && p.getJsonObject("message").getLong("seq") == 2));
    assertEquals(attachment, atAgent.getJsonObject("message").getJsonObject("attachment"));
    JsonObject history = await(agentBus.request("agent.history", agent.token(), new JsonObject().put("conversationId", conversationId)));
    assertEquals(attachment, history.getJsonArray("messages").getJsonObject(1).getJsonObject("attachment"));

    for (Person reader : new Person[] {agent, visitor}) {
      HttpResponse<Buffer> got = download(reader.token(), attachment.getString("id"));
      assertEquals(200, got.statusCode());
      assertArrayEquals(PNG, got.body().getBytes());
      assertEquals("image/png", got.getHeader("Content-Type"));
      assertEquals("nosniff", got.getHeader("X-Content-Type-Options"));
      assertEquals("sandbox; default-src 'none'", got.getHeader("Content-Security-Policy"));
      assertEquals("inline; filename=\"Bildschirmfoto 1.png\"; filename*=UTF-8''Bildschirmfoto%201.png", got.getHeader("Content-Disposition"));
    }
  }

  @Test
  void anAgentsPdfReachesTheVisitorAndIsOfferedAsADownload() {
    HttpResponse<Buffer> sent = upload(agent.token(), "../../Rechnung \"März\".pdf", PDF);
    assertEquals(201, sent.statusCode(), sent.bodyAsString());
    JsonObject atVisitor = await(visitorBus.push(p -> "message".equals(p.getString("type")) && p.getJsonObject("message").getLong("seq") == 2));
    JsonObject attachment = atVisitor.getJsonObject("message").getJsonObject("attachment");
    assertEquals("application/pdf", attachment.getString("type"));
    assertEquals("Rechnung _März_.pdf", attachment.getString("name"), "no path, no quotes");
    assertEquals("agent", atVisitor.getJsonObject("message").getString("sender"));
    HttpResponse<Buffer> got = download(visitor.token(), attachment.getString("id"));
    assertEquals(200, got.statusCode());
    assertTrue(got.getHeader("Content-Disposition").startsWith("attachment; filename=\"Rechnung _M_rz_.pdf\""), got.getHeader("Content-Disposition"));
  }

  @Test
  void strangersGetNoFile() {
    String fileId = upload(visitor.token(), "a.png", PNG).bodyAsJsonObject().getJsonObject("attachment").getString("id");
    Person otherVisitor = node.newVisitor();
    Person otherSiteAdmin = node.agentOfAnotherSite("admin");
    assertEquals(404, download(otherVisitor.token(), fileId).statusCode());
    assertEquals(404, download(otherSiteAdmin.token(), fileId).statusCode());
    assertEquals(401, await(node.http.get("/api/v1/files/" + fileId).send()).statusCode());
    HttpResponse<Buffer> intoOthersChat = upload(otherVisitor.token(), "b.png", PNG);
    assertEquals(404, intoOthersChat.statusCode(), "a stranger cannot send into the chat either");
    assertEquals(1, storedFiles());
  }

  @Test
  void anSvgOrHtmlNamedPngIsRefusedAndNothingStored() {
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    byte[] html = "<!doctype html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    for (byte[] hostile : new byte[][] {svg, html}) {
      HttpResponse<Buffer> refused = upload(visitor.token(), "image.png", hostile);
      assertEquals(415, refused.statusCode());
      assertEquals("unsupported_file_type", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
    assertEquals(0, storedFiles());
    JsonObject history = await(visitorBus.request("visitor.history", visitor.token(), new JsonObject().put("conversationId", conversationId)));
    assertEquals(1, history.getJsonArray("messages").size(), "no message either");
  }

  @Test
  void aFileOverTheSitesLimitIsRefusedWith413AndNothingStored() {
    Person admin = node.loginAdmin();
    HttpResponse<Buffer> set = await(node.http.put("/api/v1/site/files").bearerTokenAuthentication(admin.token())
        .sendJsonObject(new JsonObject().put("maxFileSizeMb", 1)));
    assertEquals(200, set.statusCode(), set.bodyAsString());
    byte[] big = new byte[1024 * 1024 + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    HttpResponse<Buffer> refused = upload(visitor.token(), "big.png", big);
    assertEquals(413, refused.statusCode());
    assertEquals("file_too_large", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(0, storedFiles());
    byte[] fits = java.util.Arrays.copyOf(big, 1024 * 1024);
    assertEquals(201, upload(visitor.token(), "fits.png", fits).statusCode(), "exactly the limit is allowed");
  }

  @Test
  void aStreamedBodyWithoutLengthIsCutOffAtTheLimitAndLeavesNoChunks(Vertx vertx) {
    Person admin = node.loginAdmin();
    await(node.http.put("/api/v1/site/files").bearerTokenAuthentication(admin.token())
        .sendJsonObject(new JsonObject().put("maxFileSizeMb", 1)));
    // 3 MB in 64 KiB pieces, chunked (no Content-Length): the server only sees the size as it comes.
    byte[] piece = new byte[64 * 1024];
    System.arraycopy(PNG, 0, piece, 0, PNG.length);
    java.util.List<Buffer> pieces = new java.util.ArrayList<>();
    for (int i = 0; i < 48; i++) {
      pieces.add(Buffer.buffer(i == 0 ? piece : new byte[64 * 1024]));
    }
    io.vertx.core.http.HttpClient client = vertx.createHttpClient();
    io.vertx.core.http.HttpClientResponse response = await(client.request(io.vertx.core.http.HttpMethod.POST, node.port(), "127.0.0.1",
            "/api/v1/files?conversationId=" + conversationId)
        .compose(request -> {
          request.setChunked(true).putHeader("Authorization", "Bearer " + visitor.token()).putHeader("X-File-Name", "big.png");
          io.vertx.core.Future<Void> written = io.vertx.core.Future.succeededFuture();
          for (Buffer b : pieces) {
            written = written.compose(v -> request.write(b)).recover(e -> io.vertx.core.Future.succeededFuture());
          }
          written.onComplete(v -> request.end());
          return request.response();
        }));
    assertEquals(413, response.statusCode());
    assertEquals(0, storedFiles(), "nothing stored, not even the chunks written before the limit was passed");
    client.close();
  }

  @Test
  void erasingTheVisitorRemovesItsFiles() {
    String fileId = upload(visitor.token(), "a.png", PNG).bodyAsJsonObject().getJsonObject("attachment").getString("id");
    upload(agent.token(), "b.pdf", PDF);
    assertEquals(2, storedFiles());
    Person admin = node.loginAdmin();
    HttpResponse<Buffer> erased = await(node.http.delete("/api/v1/visitors/" + visitor.id()).bearerTokenAuthentication(admin.token()).send());
    assertEquals(200, erased.statusCode(), erased.bodyAsString());
    assertEquals(2, erased.bodyAsJsonObject().getLong("files"));
    assertEquals(0, storedFiles());
    assertEquals(404, download(admin.token(), fileId).statusCode());
  }

  @Test
  void retentionRemovesTheFilesOfExpiredConversationsAndNoOthers() {
    upload(visitor.token(), "alt.png", PNG);
    await(visitorBus.request("visitor.close", visitor.token(), new JsonObject().put("conversationId", conversationId)));
    Person other = node.newVisitor();
    BridgeClient otherBus = node.bridge();
    otherBus.register("visitor." + other.id(), other.token());
    String otherChat = await(otherBus.request("visitor.requestChat", other.token(),
        new JsonObject().put("text", "Hallo").put("clientMsgId", "o-1"))).getJsonObject("conversation").getString("id");
    conversationId = otherChat;
    String kept = upload(other.token(), "neu.pdf", PDF).bodyAsJsonObject().getJsonObject("attachment").getString("id");
    otherBus.close();
    assertEquals(2, storedFiles());
    Person admin = node.loginAdmin();
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin.token())
        .sendJsonObject(new JsonObject().put("retentionDays", 1))).statusCode());

    await(new org.plauder.transcript.RetentionJob(node.server.services()).purgeExpired(java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
    assertEquals(1, storedFiles(), "the closed chat's file went with it; the open chat's stays");
    assertEquals(200, download(admin.token(), kept).statusCode());
  }

  @Test
  void exportsListTheFiles() {
    upload(visitor.token(), "foto.png", PNG);
    Person admin = node.loginAdmin();
    String csv = await(node.http.get("/api/v1/conversations/" + conversationId + "/transcript").addQueryParam("format", "csv")
        .bearerTokenAuthentication(admin.token()).send()).bodyAsString();
    assertTrue(csv.contains("[file] foto.png (image/png, " + PNG.length + " bytes) /api/v1/files/"), csv);
    JsonObject json = await(node.http.get("/api/v1/conversations/" + conversationId + "/transcript")
        .bearerTokenAuthentication(admin.token()).send()).bodyAsJsonObject();
    JsonObject attachment = json.getJsonArray("messages").getJsonObject(1).getJsonObject("attachment");
    assertEquals("/api/v1/files/" + attachment.getString("id"), attachment.getString("url"));
    String bulk = await(node.http.get("/api/v1/exports/messages").addQueryParam("from", "2000-01-01").addQueryParam("to", "2100-01-01")
        .bearerTokenAuthentication(admin.token()).send()).bodyAsString();
    JsonObject line = new JsonObject(bulk.lines().filter(l -> l.contains("\"attachment\"")).findFirst().orElseThrow());
    assertEquals(attachment, line.getJsonObject("attachment"), "the bulk export lists the file with its name, type, size and link");
  }
}
