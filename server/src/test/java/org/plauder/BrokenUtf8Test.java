package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/**
 * Bytes that are not UTF-8 never reach the store as text with U+FFFD in it. REST decodes the body
 * strictly ({@code 400 invalid_json}); the bridge cannot, because Vert.x decodes WebSocket frames
 * leniently before any hook sees them, so the free-text rules refuse the U+FFFD it leaves behind
 * ({@code 400 invalid_input}).
 */
@ExtendWith(VertxExtension.class)
class BrokenUtf8Test {

  /** ED A0 80 is U+D800 encoded as if it were a character: not UTF-8. Then a stray lead byte and a lone 0xFF. */
  static final byte[][] BROKEN = {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xFF}};

  @TempDir
  Path dataDir;

  TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private static byte[] bytes(String before, byte[] broken, String after) {
    return Buffer.buffer(before).appendBytes(broken).appendString(after, StandardCharsets.UTF_8.name()).getBytes();
  }

  private static String requestChatFrame(Person visitor, String replyAddress, byte[] broken) {
    return "{\"type\":\"send\",\"address\":\"visitor.requestChat\",\"headers\":{\"token\":\"" + visitor.token()
        + "\"},\"replyAddress\":\"" + replyAddress + "\",\"body\":{\"name\":\"Eva";
  }

  @Test
  void aRestBodyThatIsNotUtf8IsRefusedInsteadOfBeingRepairedWithReplacementCharacters() {
    Services s = node.server.services();
    String admin = node.loginAdmin().token();
    int agents = await(s.agents().ofSite("demo")).size();
    for (byte[] broken : BROKEN) {
      byte[] body = bytes("{\"email\":\"anna@test.local\",\"password\":\"password-anna\",\"name\":\"Anna", broken, "\"}");
      HttpResponse<Buffer> response = await(node.http.post("/api/v1/agents").bearerTokenAuthentication(admin)
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
      assertEquals(400, response.statusCode(), response.bodyAsString());
      assertEquals("invalid_json", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
    assertEquals(agents, await(s.agents().ofSite("demo")).size());
  }

  @Test
  void aBinaryBridgeFrameWithBytesThatAreNotUtf8IsRefusedAndStartsNoChat(Vertx vertx) {
    node.onlineAgent("Anna", 3);
    Person visitor = node.newVisitor();
    WebSocketClient client = vertx.createWebSocketClient();
    var ws = await(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.port())
        .setURI("/eventbus/websocket").addHeader("Origin", "http://127.0.0.1:" + node.port())));
    for (int i = 0; i < BROKEN.length; i++) {
      Promise<JsonObject> reply = Promise.promise();
      ws.handler(frame -> reply.tryComplete(new JsonObject(frame.toString(StandardCharsets.UTF_8))));
      ws.writeBinaryMessage(Buffer.buffer(bytes(requestChatFrame(visitor, "r" + i, BROKEN[i]), BROKEN[i], "\"}}")));
      assertInvalidInput(await(reply.future()));
    }
    ws.close();
    client.close();
    assertNoChat(visitor);
  }

  @Test
  void aTextBridgeFrameWithBytesThatAreNotUtf8IsRefusedAndStartsNoChat() throws IOException {
    node.onlineAgent("Anna", 3);
    Person visitor = node.newVisitor();
    // A text frame must hold UTF-8; only a hand-written client can send one that does not.
    try (Socket socket = new Socket("127.0.0.1", node.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(("GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Origin: http://127.0.0.1:" + node.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.read());
      }
      assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
      for (int i = 0; i < BROKEN.length; i++) {
        writeTextFrame(out, bytes(requestChatFrame(visitor, "r" + i, BROKEN[i]), BROKEN[i], "\"}}"));
        assertInvalidInput(new JsonObject(readFrame(in)));
      }
    }
    assertNoChat(visitor);
  }

  private static void assertInvalidInput(JsonObject reply) {
    assertEquals("err", reply.getString("type"), reply.encode());
    assertEquals(400, reply.getInteger("failureCode"), reply.encode());
    assertTrue(reply.getString("message").startsWith("invalid_input: name contains U+FFFD"), reply.encode());
  }

  private void assertNoChat(Person visitor) {
    try (BridgeClient bus = node.bridge()) {
      assertNull(await(bus.request("visitor.history", visitor.token(), new JsonObject())).getValue("conversation"));
    }
  }

  /** One masked, final text frame (RFC 6455 §5.2) with a zero mask, so the payload goes out as it is. */
  private static void writeTextFrame(OutputStream out, byte[] payload) throws IOException {
    out.write(0x81);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xFF);
    }
    out.write(new byte[4]);
    out.write(payload);
    out.flush();
  }

  /** The payload of the server's next frame (unmasked, shorter than 64 KiB). */
  private static String readFrame(InputStream in) throws IOException {
    in.read();
    int length = in.read() & 0x7F;
    if (length == 126) {
      length = (in.read() << 8) | in.read();
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
