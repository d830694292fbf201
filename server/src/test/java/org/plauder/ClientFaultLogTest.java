package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.slf4j.LoggerFactory;

/**
 * Clients that misbehave cannot fill the log: at most one line per connection a minute, no stack
 * trace, nothing at ERROR (that level is for the server's own faults).
 */
@ExtendWith(VertxExtension.class)
class ClientFaultLogTest {

  @TempDir
  Path dataDir;

  TestNode node;
  final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void stop() {
    root.detachAppender(captured);
    node.close();
  }

  /** What was logged at WARN or above while {@code scenario} ran, and a moment after it. */
  List<ILoggingEvent> loggedDuring(ThrowingRunnable scenario) throws Exception {
    captured.list.clear();
    scenario.run();
    Thread.sleep(500); // the server's last lines about it
    return new ArrayList<>(captured.list).stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .filter(e -> !e.getFormattedMessage().startsWith("Discarding message since the consumer is not registered"))
        .collect(Collectors.toList());
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  static void assertQuiet(List<ILoggingEvent> lines, int atMost) {
    String shown = lines.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " + trace")).collect(Collectors.joining("\n"));
    assertTrue(lines.size() <= atMost, "at most " + atMost + " lines, got:\n" + shown);
    assertTrue(lines.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack traces:\n" + shown);
    assertTrue(lines.stream().noneMatch(e -> e.getLevel() == Level.ERROR), "nothing at ERROR:\n" + shown);
  }

  static void awaitClosed(BridgeClient bus) throws InterruptedException {
    for (int i = 0; i < 100 && !bus.isClosed(); i++) {
      Thread.sleep(30);
    }
    assertTrue(bus.isClosed());
  }

  @Test
  void oversizedWebSocketFramesAreLoggedOncePerSocketWithoutATrace() throws Exception {
    Person visitor = node.newVisitor();
    String huge = "x".repeat(200 * 1024);
    assertQuiet(loggedDuring(() -> {
      for (int i = 0; i < 3; i++) {
        BridgeClient bus = node.bridge();
        bus.send(new JsonObject().put("type", "send").put("address", "visitor.history")
            .put("headers", new JsonObject().put("token", visitor.token())).put("body", new JsonObject().put("pad", huge)));
        awaitClosed(bus);
        bus.close();
      }
    }), 3);
  }

  @Test
  void refusedXhrSendsOfOneSessionAreLoggedOnce() throws Exception {
    String huge = "[\"" + "x".repeat(200 * 1024) + "\"]";
    assertQuiet(loggedDuring(() -> {
      for (int i = 0; i < 5; i++) {
        var refused = await(node.http.post("/eventbus/000/abcdefgh/xhr_send").putHeader("Content-Type", "text/plain")
            .sendBuffer(Buffer.buffer(huge)));
        assertEquals(413, refused.statusCode());
      }
    }), 1);
  }

  @Test
  void clientsThatDropTheirConnectionAreNotWorthAStackTrace() throws Exception {
    assertQuiet(loggedDuring(() -> {
      for (int i = 0; i < 3; i++) {
        resetAfterHandshake(node.port());
      }
    }), 3);
  }

  @Test
  void aFloodingSocketIsLoggedOnce() throws Exception {
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    List<Future<JsonObject>> flood = new ArrayList<>();
    assertQuiet(loggedDuring(() -> {
      for (int i = 0; i < 1500 && !bus.isClosed(); i++) {
        flood.add(bus.request("visitor.typing", visitor.token(), new JsonObject().put("conversationId", "nope").put("typing", true)));
      }
      awaitClosed(bus);
    }), 1);
    bus.close();
  }

  /** A WebSocket that completes its handshake and then breaks off with a TCP reset, as a crashed browser tab does. */
  static void resetAfterHandshake(int port) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
      socket.setSoLinger(true, 0);
    }
  }
}
