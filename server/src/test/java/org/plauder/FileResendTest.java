package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.store.Files;

/**
 * A file sent again under the same {@code X-Client-Msg-Id} — what the widget and the dashboard do
 * after a network failure that may have lost the reply — is stored once, over real HTTP.
 */
@ExtendWith(VertxExtension.class)
class FileResendTest {

  @TempDir
  Path dataDir;

  TestNode node;
  Person visitor;
  BridgeClient bus;
  TestNode.OnlineAgent agent;
  String conversationId;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    agent = node.onlineAgent("Anna", 2);
    visitor = node.newVisitor();
    bus = node.bridge();
    conversationId = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject().put("text", "Hallo").put("clientMsgId", "v-1")))
        .getJsonObject("conversation").getString("id");
  }

  @AfterEach
  void stop() {
    bus.close();
    agent.bus().close();
    node.close();
  }

  private HttpResponse<Buffer> upload(String clientMsgId) {
    return await(node.http.post("/api/v1/files").addQueryParam("conversationId", conversationId)
        .putHeader("Authorization", "Bearer " + visitor.token()).putHeader("Origin", node.origin())
        .putHeader("X-File-Name", "Foto.png").putHeader("X-Client-Msg-Id", clientMsgId)
        .sendBuffer(Buffer.buffer(FileAttachmentTest.PNG)));
  }

  @Test
  void aFileSentAgainWithItsClientMsgIdIsStoredOnceAndAnswersTheFirstAck() {
    JsonObject first = upload("f-resend-1").bodyAsJsonObject();
    HttpResponse<Buffer> again = upload("f-resend-1");
    assertEquals(201, again.statusCode(), again.bodyAsString());
    JsonObject second = again.bodyAsJsonObject();
    assertEquals(false, first.getBoolean("duplicate"));
    assertEquals(true, second.getBoolean("duplicate"));
    assertEquals(first.getLong("seq"), second.getLong("seq"));
    assertEquals(first.getJsonObject("attachment"), second.getJsonObject("attachment"), "the first file, not a copy");
    assertEquals(1L, (long) await(new Files(node.server.services().database()).count()));
    assertEquals(1L, (long) await(new Files(node.server.services().database()).chunkCount()), "one chunk: the first file's");

    JsonArray messages = await(bus.request("visitor.history", visitor.token(), new JsonObject())).getJsonArray("messages");
    assertEquals(2, messages.size(), "the first message and the file, once");

    JsonObject other = upload("f-resend-2").bodyAsJsonObject();
    assertEquals(first.getLong("seq") + 1, other.getLong("seq"), "another id is another file");
  }

  @Test
  void aClientMsgIdOutsideTheRulesIsRefusedAndStoresNothing() {
    HttpResponse<Buffer> refused = upload("not allowed!");
    assertEquals(400, refused.statusCode());
    assertEquals("invalid_input", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(0L, (long) await(new Files(node.server.services().database()).count()));
  }
}
