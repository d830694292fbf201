package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.OnlineAgent;
import org.plauder.TestNode.Person;
import org.plauder.web.InboxPushes;

/**
 * Over the real server: agents see what a waiting chat is about before they take it — the first
 * message (as stored, card numbers masked; a later message does not replace it) and the page the
 * visitor was on — in the {@code queue} push and in {@code agent.conversations}.
 */
@ExtendWith(VertxExtension.class)
class QueueCardServerTest {

  private static final String KASSE = "http://localhost/demo/kasse.html";

  @TempDir
  Path dataDir;

  TestNode node;
  BridgeClient visitors;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    visitors = node.bridge();
  }

  @AfterEach
  void stop() {
    visitors.close();
    node.close();
  }

  /** An agent online with a dashboard open but no free slot, so that chats wait. */
  private OnlineAgent fullAgent() {
    OnlineAgent anna = node.onlineAgent("Anna", 1);
    await(anna.bus().request("agent.status", anna.person().token(), new JsonObject().put("maxChats", 0)));
    return anna;
  }

  private String requestChat(Person visitor, String name, String text) {
    JsonObject state = await(visitors.request("visitor.requestChat", visitor.token(), new JsonObject().put("name", name)
        .put("text", text).put("clientMsgId", name + "-1")));
    assertEquals("queued", state.getString("status"), state.encode());
    return state.getJsonObject("conversation").getString("id");
  }

  private static JsonObject row(JsonArray rows, String conversationId, String idField) {
    return rows.stream().map(JsonObject.class::cast).filter(r -> conversationId.equals(r.getString(idField))).findFirst().orElse(null);
  }

  /** The chat's row in the first queue push that shows its first words. */
  private static JsonObject pushedRowWithPreview(OnlineAgent agent, String conversationId) {
    JsonObject push = await(agent.bus().push(p -> "queue".equals(p.getString("type"))
        && row(p.getJsonArray("waiting"), conversationId, "conversationId") != null
        && row(p.getJsonArray("waiting"), conversationId, "conversationId").getString("preview") != null));
    return row(push.getJsonArray("waiting"), conversationId, "conversationId");
  }

  @Test
  void aWaitingChatShowsItsFirstWordsAndPageInThePushAndTheDesk() {
    OnlineAgent anna = fullAgent();
    Person eva = node.newVisitor();
    visitors.register("visitor." + eva.id(), eva.token());
    await(visitors.request("visitor.pageView", eva.token(), new JsonObject().put("url", KASSE).put("title", "Kasse")));
    String chat = requestChat(eva, "Eva", "Hallo,\n\n  ich zahle mit <b>Karte</b> 4111 1111 1111 1111 — geht das?");

    JsonObject pushed = pushedRowWithPreview(anna, chat);
    String preview = pushed.getString("preview");
    assertTrue(preview.startsWith("Hallo, ich zahle mit <b>Karte</b> "), "one line, the markup as text: " + preview);
    assertFalse(preview.contains("4111 1111 1111 1111"), "the stored, masked text: " + preview);
    assertEquals(KASSE, pushed.getString("pageUrl"));
    assertEquals("Kasse", pushed.getString("pageTitle"));
    assertEquals("Eva", pushed.getString("visitorName"));

    // Eva writes again and moves on: the first words and their page stay what the agents see
    await(visitors.request("visitor.pageView", eva.token(), new JsonObject().put("url", "http://localhost/demo/").put("title", "Start")));
    await(visitors.request("visitor.send", eva.token(), new JsonObject().put("conversationId", chat).put("text", "Hallo??").put("clientMsgId", "Eva-2")));
    Person max = node.newVisitor();
    String maxChat = requestChat(max, "Max", "Guten Tag");
    assertEquals("Guten Tag", pushedRowWithPreview(anna, maxChat).getString("preview"));

    JsonArray queue = await(anna.bus().request("agent.conversations", anna.person().token(), new JsonObject())).getJsonArray("queue");
    JsonObject evaRow = row(queue, chat, "id");
    assertEquals(preview, evaRow.getString("preview"));
    assertEquals(KASSE, evaRow.getString("pageUrl"));
    assertEquals("Kasse", evaRow.getString("pageTitle"));
    JsonObject maxRow = row(queue, maxChat, "id");
    assertEquals("Guten Tag", maxRow.getString("preview"));
    assertNull(maxRow.getString("pageUrl"), "Max reported no page");
  }

  @Test
  void aLongQueueShowsAgentsItsHeadAndHowManyWaitInAll() {
    OnlineAgent anna = fullAgent();
    int waiting = InboxPushes.QUEUE_ROWS + 5;
    String first = null;
    for (int i = 1; i <= waiting; i++) {
      String chat = requestChat(node.newVisitor(), "Visitor" + i, "Frage " + i);
      first = first == null ? chat : first;
    }
    String head = first;
    JsonObject push = await(anna.bus().push(p -> "queue".equals(p.getString("type")) && p.getInteger("total", 0) == waiting));
    JsonArray rows = push.getJsonArray("waiting");
    assertEquals(InboxPushes.QUEUE_ROWS, rows.size(), "the head of the line only");
    assertEquals(head, rows.getJsonObject(0).getString("conversationId"), "the longest waiting first");
    assertEquals("Visitor" + InboxPushes.QUEUE_ROWS, rows.getJsonObject(InboxPushes.QUEUE_ROWS - 1).getString("visitorName"));
    assertEquals("Frage 1", rows.getJsonObject(0).getString("preview"));

    // a dashboard that loads (or reloads) its desk gets the same head and total
    JsonObject desk = await(anna.bus().request("agent.conversations", anna.person().token(), new JsonObject()));
    assertEquals(waiting, desk.getInteger("queueTotal"));
    assertEquals(InboxPushes.QUEUE_ROWS, desk.getJsonArray("queue").size(), "the head of the line only");
    assertEquals(head, desk.getJsonArray("queue").getJsonObject(0).getString("id"));
  }
}
