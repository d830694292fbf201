package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/** What clients see of a node that has begun to stop: new work is refused in the documented way. */
@ExtendWith(VertxExtension.class)
class StoppingNodeTest {

  @TempDir
  Path dataDir;

  @Test
  void aStoppingNodeRefusesNewWorkWithShuttingDownAndClosesItsSocketsWithGoingAway(Vertx vertx) {
    TestNode node = TestNode.start(vertx, dataDir);
    Person visitor = node.newVisitor();
    BridgeClient open = node.bridge();
    await(open.request("visitor.history", visitor.token(), new JsonObject()));

    node.server.stopping().begin();

    HttpResponse<Buffer> health = await(node.http.get("/health").send());
    assertEquals(503, health.statusCode(), "a balancer's health check sees the node going");
    assertEquals("shutting_down", health.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals("close", health.getHeader("Connection"));
    HttpResponse<Buffer> mint = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
        .sendJsonObject(new JsonObject()));
    assertEquals(503, mint.statusCode());
    assertEquals("shutting_down", mint.bodyAsJsonObject().getJsonObject("error").getString("code"));

    BridgeClient.BridgeError refused = assertThrows(BridgeClient.BridgeError.class,
        () -> await(open.request("visitor.history", visitor.token(), new JsonObject())));
    assertEquals("shutting_down", refused.code(), "an action on an open socket still gets its one reply");
    assertEquals(503, refused.failureCode);

    BridgeClient late = node.bridge();
    await(late.closed()); // a new socket is refused: its client reconnects, through the balancer elsewhere

    node.close();
    assertEquals("1001 shutting_down", await(open.closed()));
    late.close();
    open.close();
  }
}
