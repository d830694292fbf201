package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.ChatFlowTest.assertRefused;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

/**
 * Every free text a browser sends (names, titles, notes, canned responses, site and offer texts)
 * follows the message text rules: a lone surrogate or a control character is refused with
 * {@code invalid_input} and nothing is stored. The JSON is written by hand, as an attacker would,
 * with escapes such as {@code \ud800} that no JSON encoder of well-formed text produces.
 */
@ExtendWith(VertxExtension.class)
class FreeTextInputTest {

  static final String LONE_SURROGATE = "Eva\\ud800";
  static final String NUL = "Eva\\u0000";

  @TempDir
  Path dataDir;

  TestNode node;
  BridgeClient bus;
  String admin;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    bus = node.bridge();
    admin = node.loginAdmin().token();
  }

  @AfterEach
  void stop() {
    bus.close();
    node.close();
  }

  private BridgeClient.BridgeError refusedOnBridge(String address, String token, String bodyJson) {
    var refused = assertRefused(bus.requestText("{\"type\":\"send\",\"address\":\"" + address + "\",\"headers\":{\"token\":\""
        + token + "\"},\"body\":" + bodyJson + "}"));
    assertEquals(400, refused.failureCode, refused.getMessage());
    assertEquals("invalid_input", refused.code(), refused.getMessage());
    return refused;
  }

  private HttpResponse<Buffer> rest(String method, String path, Buffer body) {
    return await(node.http.request(io.vertx.core.http.HttpMethod.valueOf(method), path).bearerTokenAuthentication(admin)
        .putHeader("Content-Type", "application/json").sendBuffer(body));
  }

  private void refusedOverRest(String method, String path, String bodyJson) {
    assertRefusedOverRest(rest(method, path, Buffer.buffer(bodyJson)), "invalid_input");
  }

  private static void assertRefusedOverRest(HttpResponse<Buffer> response, String code) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertEquals(code, response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  private JsonObject history(Person visitor) {
    return await(bus.request("visitor.history", visitor.token(), new JsonObject()));
  }

  @Test
  void aVisitorNameWithALoneSurrogateOrANulIsRefusedOnTheBridgeAndNoChatIsStarted() {
    node.onlineAgent("Anna", 2); // her dashboard stays open: only then is anyone online to chat with
    Person visitor = node.newVisitor();

    refusedOnBridge("visitor.requestChat", visitor.token(), "{\"name\":\"" + LONE_SURROGATE + "\"}");
    refusedOnBridge("visitor.requestChat", visitor.token(), "{\"name\":\"" + NUL + "\"}");
    refusedOnBridge("visitor.requestChat", visitor.token(), "{\"name\":\"Eva\\udc00x\",\"text\":\"Hallo\",\"clientMsgId\":\"c-1\"}");
    assertNull(history(visitor).getValue("conversation"));
    Person leaving = node.newVisitor(); // each visitor may start only a few chats a minute
    refusedOnBridge("visitor.leaveMessage", leaving.token(),
        "{\"name\":\"" + NUL + "\",\"email\":\"eva@example.org\",\"text\":\"Hallo\",\"clientMsgId\":\"c-2\"}");
    refusedOnBridge("visitor.leaveMessage", leaving.token(),
        "{\"name\":\"Eva\",\"email\":\"eva\\u0000@example.org\",\"text\":\"Hallo\",\"clientMsgId\":\"c-3\"}");
    assertNull(history(leaving).getValue("conversation"));

    // The same name, well formed, is taken as it is.
    JsonObject state = await(bus.requestText("{\"type\":\"send\",\"address\":\"visitor.requestChat\",\"headers\":{\"token\":\""
        + visitor.token() + "\"},\"body\":{\"name\":\"Eva \\ud83d\\ude42\"}}"));
    assertEquals("Eva 🙂", await(node.server.services().conversations().find(state.getJsonObject("conversation").getString("id")))
        .visitorName());
  }

  @Test
  void aPageTitleWithAControlCharacterIsRefused() {
    Person visitor = node.newVisitor();
    refusedOnBridge("visitor.pageView", visitor.token(), "{\"url\":\"" + node.origin() + "/demo/\",\"title\":\"Kasse\\u0007\"}");
    refusedOnBridge("visitor.pageView", visitor.token(), "{\"url\":\"" + node.origin() + "/demo/\\u0000\",\"title\":\"Kasse\"}");
    refusedOnBridge("visitor.pageView", visitor.token(), "{\"url\":\"" + node.origin() + "/demo/\",\"title\":\"Kasse\\nZeile\"}");
  }

  @Test
  void aTransferNoteWithALoneSurrogateIsRefusedAndTheChatStaysWhereItWas() {
    TestNode.OnlineAgent anna = node.onlineAgent("Anna", 1);
    TestNode.OnlineAgent ben = node.onlineAgent("Ben", 1);
    Person visitor = node.newVisitor();
    String chat = await(bus.request("visitor.requestChat", visitor.token(), new JsonObject())).getJsonObject("conversation").getString("id");
    String holder = await(node.server.services().conversations().find(chat)).agentId();
    TestNode.OnlineAgent from = holder.equals(anna.person().id()) ? anna : ben;
    TestNode.OnlineAgent to = from == anna ? ben : anna;

    refusedOnBridge("agent.transfer", from.person().token(),
        "{\"conversationId\":\"" + chat + "\",\"toAgentId\":\"" + to.person().id() + "\",\"note\":\"Bitte \\udbff\"}");
    refusedOnBridge("agent.transfer", from.person().token(),
        "{\"conversationId\":\"" + chat + "\",\"toAgentId\":\"" + to.person().id() + "\",\"note\":\"Bitte\\u001b[31m\"}");
    assertEquals(holder, await(node.server.services().conversations().find(chat)).agentId());
    anna.bus().close();
    ben.bus().close();
  }

  @Test
  void restFreeTextsFollowTheSameRulesAndNothingIsStored() {
    Services s = node.server.services();
    int agents = await(s.agents().ofSite("demo")).size();
    refusedOverRest("POST", "/api/v1/agents",
        "{\"email\":\"anna@test.local\",\"password\":\"password-anna\",\"name\":\"" + NUL + "\"}");
    refusedOverRest("POST", "/api/v1/agents",
        "{\"email\":\"anna@test.local\",\"password\":\"password-anna\",\"name\":\"" + LONE_SURROGATE + "\"}");
    assertEquals(agents, await(s.agents().ofSite("demo")).size());

    refusedOverRest("POST", "/api/v1/canned-responses", "{\"title\":\"Versand\\ud800\",\"text\":\"Wir versenden.\"}");
    refusedOverRest("POST", "/api/v1/canned-responses", "{\"title\":\"Versand\\u0000\",\"text\":\"Wir versenden.\"}");
    assertEquals(0, rest("GET", "/api/v1/canned-responses", Buffer.buffer()).bodyAsJsonObject().getJsonArray("responses").size());

    String offline = await(s.sites().find("demo")).offlineMessage();
    refusedOverRest("PATCH", "/api/v1/site", "{\"offlineMessage\":\"Bis morgen\\u0000\"}");
    refusedOverRest("PATCH", "/api/v1/site", "{\"offlineMessage\":\"Bis morgen\\udfff\"}");
    assertEquals(offline, await(s.sites().find("demo")).offlineMessage());

    String rule = "{\"rules\":[{\"id\":\"r\",\"name\":\"%s\",\"messages\":{\"de\":\"%s\"}}]}";
    refusedOverRest("PUT", "/api/v1/offer-rules", rule.formatted("Kasse\\ud800", "Hilfe?"));
    refusedOverRest("PUT", "/api/v1/offer-rules", rule.formatted("Kasse", "Hilfe?\\u0000"));
    refusedOverRest("PUT", "/api/v1/offer-rules", rule.formatted("Kasse", "Hilfe?\\udc00"));
    assertTrue(await(s.offerStore().settings("demo")).rules().isEmpty());
  }
}
