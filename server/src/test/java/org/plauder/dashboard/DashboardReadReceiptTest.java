package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.plauder.BridgeClient;
import org.plauder.TestNode;

/** The agent reads a chat in the dashboard: the visitor hears how far (its "read" ticks), not before the chat is in front. */
class DashboardReadReceiptTest extends DashboardBrowserTest {

  @Test
  void openingAChatTellsTheVisitorItWasRead() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    page.showView("history");

    TestNode.Person eva = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register("visitor." + eva.id(), eva.token());
    String chat = await(bus.request("visitor.requestChat", eva.token(), new JsonObject().put("name", "Eva")
        .put("text", "Hallo?").put("clientMsgId", "e-1"))).getJsonObject("conversation").getString("id");
    await(bus.request("visitor.send", eva.token(), new JsonObject().put("conversationId", chat)
        .put("text", "Ist jemand da?").put("clientMsgId", "e-2")));

    // Opening the chat in front sends a receipt up to its last message.
    page.showView("chats");
    page.select(chat);
    JsonObject read = await(bus.push(p -> "read".equals(p.getString("type")) && p.getLong("seq") == 2));
    assertEquals(chat, read.getString("conversationId"));
    assertEquals(2L, await(bus.request("visitor.history", eva.token(), new JsonObject())).getLong("agentReadSeq"));
  }
}
