package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;
import org.plauder.config.TrustedProxies;

/**
 * PLAUDER_TRUSTED_PROXIES over HTTP: bridge sockets opened through a listed proxy are rate-limited
 * per address by the right-most untrusted hop of X-Forwarded-For; from anywhere else the header is
 * ignored and the connection's own address counts.
 */
@ExtendWith(VertxExtension.class)
class TrustedProxiesServerTest {

  private static final int VISITORS = 10;
  private static final int MESSAGES_EACH = 25; // within one sender's burst; ten of them exceed one address's

  @TempDir
  Path dataDir;

  @Test
  void behindATrustedProxyEachClientAddressHasItsOwnLimit(Vertx vertx) {
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir, null).withTrustedProxies(TrustedProxies.parse("127.0.0.1")));
    try {
      assertEquals(0, rateLimited(node, v -> "198.51.100.7, 203.0.113." + v),
          "ten clients behind the proxy, each on its own address: nobody is limited");
      assertTrue(rateLimited(node, v -> "198.51.100." + v + ", 203.0.113.200") > 0,
          "one client address, however the forged left part varies, shares one limit");
    } finally {
      node.close();
    }
  }

  @Test
  void fromAnUnlistedAddressTheHeaderIsIgnored(Vertx vertx) {
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir, null).withTrustedProxies(TrustedProxies.parse("10.0.0.0/8")));
    try {
      assertTrue(rateLimited(node, v -> "203.0.113." + v) > 0, "everybody on 127.0.0.1 shares its limit");
    } finally {
      node.close();
    }
  }

  /** Ten new visitors, each on a socket with the given X-Forwarded-For, send 25 messages each; how many were rate-limited. */
  private static int rateLimited(TestNode node, IntFunction<String> forwardedFor) {
    List<BridgeClient> buses = new ArrayList<>();
    List<Future<JsonObject>> replies = new ArrayList<>();
    try {
      for (int v = 1; v <= VISITORS; v++) {
        Person visitor = node.newVisitor();
        BridgeClient bus = await(BridgeClient.connect(node.vertx, node.port(), Map.of("X-Forwarded-For", forwardedFor.apply(v))));
        buses.add(bus);
        for (int i = 0; i < MESSAGES_EACH; i++) {
          // No such chat: the limit is applied before the chat is looked up, so the reply says which came first.
          replies.add(bus.request("visitor.send", visitor.token(), new JsonObject()
              .put("conversationId", "0123456789abcdef01234567").put("text", "hi").put("clientMsgId", "m-" + i)));
        }
      }
      int limited = 0;
      for (Future<JsonObject> reply : replies) {
        BridgeClient.BridgeError e = (BridgeClient.BridgeError) assertFailed(reply);
        if ("rate_limited".equals(e.code())) {
          limited++;
        } else {
          assertEquals("not_found", e.code(), e.getMessage());
        }
      }
      return limited;
    } finally {
      buses.forEach(BridgeClient::close);
    }
  }

  private static Throwable assertFailed(Future<JsonObject> reply) {
    try {
      await(reply);
    } catch (BridgeClient.BridgeError e) {
      return e;
    }
    throw new AssertionError("a send to a chat that does not exist succeeded");
  }
}
