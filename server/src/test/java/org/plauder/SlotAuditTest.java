package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;
import org.plauder.store.EmbeddedMongo;
import org.plauder.store.Publishers;

/** A slot that a node took and never handed over (it died in between) comes back, and the queue moves on. */
@ExtendWith(VertxExtension.class)
class SlotAuditTest {

  @TempDir
  Path dataDir;

  @Test
  void aSlotNoChatHoldsIsGivenBackAndTheWaitingVisitorGetsTheAgent(Vertx vertx) throws Exception {
    EmbeddedMongo db = EmbeddedMongo.start(dataDir.resolve("db"));
    MongoClient client = MongoClients.create(db.connectionString());
    TestNode node = TestNode.start(vertx, TestNode.config(dataDir.resolve("node"), db.connectionString()));
    try {
      OnlineAgent anna = node.onlineAgent("Anna", 2);
      // What a node that died between taking Anna's slot and handing the chat over leaves behind.
      Publishers.first(client.getDatabase("plauder").getCollection("agents").updateOne(
          Filters.eq("_id", anna.person().id()), Updates.combine(Updates.inc("load", 1), Updates.inc("freeSlots", -1))))
          .get(20, TimeUnit.SECONDS);

      Person first = node.newVisitor();
      BridgeClient firstTab = node.bridge();
      JsonObject served = await(firstTab.request("visitor.requestChat", first.token(), new JsonObject()));
      assertEquals("active", served.getString("status"), "Anna's one real free slot");

      Person second = node.newVisitor();
      BridgeClient secondTab = node.bridge();
      secondTab.register("visitor." + second.id(), second.token());
      JsonObject waiting = await(secondTab.request("visitor.requestChat", second.token(), new JsonObject()));
      assertEquals("queued", waiting.getString("status"), "the lost slot makes Anna look full");

      JsonObject assigned = await(secondTab.push("assigned"));
      assertEquals("Anna", assigned.getJsonObject("conversation").getString("agentName"));
      JsonObject desk = await(anna.bus().request("agent.conversations", anna.person().token(), new JsonObject()));
      assertEquals(2, desk.getJsonArray("active").size());
      assertEquals(2, desk.getJsonObject("agent").getInteger("load"), "the load counts exactly the chats Anna has");
      firstTab.close();
      secondTab.close();
      anna.bus().close();
    } finally {
      node.close();
      client.close();
      db.close();
    }
  }
}
