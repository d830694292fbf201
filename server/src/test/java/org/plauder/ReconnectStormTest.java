package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.config.TrustedProxies;

/**
 * 2,000 visitors are connected when the server restarts; they all come back at once, spread
 * only by the widget's jittered exponential backoff, and every one of them is served again.
 */
@ExtendWith(VertxExtension.class)
class ReconnectStormTest {

  static final int VISITORS = 2000;

  @TempDir
  Path dataDir;

  /** One visitor's socket that reconnects like the widget: full jitter, doubling up to 8 s. */
  final class Visitor {
    final Person person;
    int attempt;
    boolean served;
    WebSocket socket;

    Visitor(Person person) {
      this.person = person;
    }

    void connect() {
      client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/eventbus/websocket"))
          .onSuccess(ws -> {
            socket = ws;
            ws.closeHandler(v -> retry());
            ws.handler(buffer -> {
              String frame = buffer.toString(StandardCharsets.UTF_8);
              if (frame.contains("\"address\":\"h-" + person.id() + "\"") && frame.contains("\"rec\"") && !served) {
                served = true;
                attempt = 0;
                servedCount.incrementAndGet();
              }
            });
            String token = new JsonObject().put("token", person.token()).encode();
            ws.writeTextMessage("{\"type\":\"register\",\"address\":\"visitor." + person.id() + "\",\"headers\":" + token + "}");
            ws.writeTextMessage("{\"type\":\"send\",\"address\":\"visitor.history\",\"headers\":" + token
                + ",\"body\":{},\"replyAddress\":\"h-" + person.id() + "\"}");
          })
          .onFailure(e -> retry());
    }

    void retry() {
      if (stopping) {
        return;
      }
      if (served) {
        served = false;
        servedCount.decrementAndGet();
      }
      long cap = Math.min(8000, 250L << Math.min(attempt++, 5));
      vertx.setTimer(1 + ThreadLocalRandom.current().nextLong(cap), id -> connect());
    }
  }

  Vertx vertx;
  WebSocketClient client;
  int port;
  volatile boolean stopping;
  final AtomicInteger servedCount = new AtomicInteger();

  @Test
  void twoThousandVisitorsReconnectAfterARestartAndAreAllServed(Vertx vertx) throws Exception {
    this.vertx = vertx;
    port = TestNode.freePort();
    // The visitors come from many households behind one trusted proxy, as the mint allows an address only so many.
    var config = TestNode.config(dataDir, null).withPort(port).withTrustedProxies(TrustedProxies.parse("127.0.0.1"));
    TestNode node = TestNode.start(vertx, config);
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(VISITORS + 100));
    List<Visitor> visitors = new ArrayList<>();
    List<Future<Person>> minted = new ArrayList<>();
    for (int i = 0; i < VISITORS; i++) {
      minted.add(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
          .putHeader("X-Forwarded-For", "10.0." + (i / 250) + "." + (i % 250 + 1))
          .sendJsonObject(new JsonObject()).map(r -> new Person(r.bodyAsJsonObject().getString("visitorId"),
              r.bodyAsJsonObject().getString("token"))));
      if (minted.size() % 200 == 0) {
        await(Future.all(minted.subList(minted.size() - 200, minted.size())));
      }
    }
    minted.forEach(f -> visitors.add(new Visitor(f.result())));
    visitors.forEach(Visitor::connect);
    waitUntilServed(VISITORS, 60_000);

    node.close();
    long deadline = System.currentTimeMillis() + 30_000;
    while (servedCount.get() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, servedCount.get(), "every visitor noticed that the server went away");
    TestNode restarted = TestNode.start(vertx, config);
    try {
      waitUntilServed(VISITORS, 90_000);
      assertEquals(VISITORS, visitors.stream().filter(v -> v.served).count());
      assertEquals(200, await(restarted.http.get("/health").send()).statusCode());
    } finally {
      stopping = true;
      visitors.forEach(v -> {
        if (v.socket != null) {
          v.socket.close();
        }
      });
      client.close();
      restarted.close();
    }
  }

  private void waitUntilServed(int expected, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (servedCount.get() < expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(expected, servedCount.get(), "visitors served again");
  }

}
