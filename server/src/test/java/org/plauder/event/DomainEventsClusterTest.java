package org.plauder.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.plauder.cluster.ClusteredVertx;
import org.plauder.config.Config;
import org.plauder.event.DomainEvent.ChatClosed;

/** On a cluster, an event reaches every node's "every node" listeners, and only its own node's local ones. */
class DomainEventsClusterTest {

  @Test
  void anEventCrossesToEveryNodeListenersAndStaysHomeForLocalOnes() {
    Config.Cluster cluster = new Config.Cluster("plauder-events-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of("127.0.0.1"));
    Vertx a = await(ClusteredVertx.start(cluster));
    Vertx b = await(ClusteredVertx.start(cluster));
    try {
      DomainEvents onA = new DomainEvents(a.eventBus());
      DomainEvents onB = new DomainEvents(b.eventBus());
      Promise<ChatClosed> crossedToB = Promise.promise();
      Promise<ChatClosed> localOnA = Promise.promise();
      List<ChatClosed> localOnB = new CopyOnWriteArrayList<>();
      // Every node runs the same listeners.
      await(onA.onEveryNode(ChatClosed.class, e -> { }));
      await(onB.onEveryNode(ChatClosed.class, crossedToB::tryComplete));
      await(onA.on(ChatClosed.class, localOnA::tryComplete));
      await(onB.on(ChatClosed.class, localOnB::add));

      ChatClosed event = new ChatClosed("demo", "c1", "v1", "a1", "agent", true);
      // A new consumer becomes known to the other node asynchronously: publish until it has arrived.
      long timer = a.setPeriodic(0, 200, id -> onA.publish(event));
      assertEquals(event, await(crossedToB.future()));
      a.cancelTimer(timer);
      assertEquals(event, await(localOnA.future()));
      assertTrue(localOnB.isEmpty(), "a local listener on B never hears what A emitted");
    } finally {
      await(a.close());
      await(b.close());
    }
  }
}
