package org.plauder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.plauder.TestNode.Person;

/**
 * An agent's display name and picture over real HTTP and the real bridge: what the agent sets is
 * what the visitor reads in {@code assigned}, history and messages — never the agent's e-mail —
 * and a picture is sniffed from its bytes, served to anyone, and replaced or removed for good.
 */
@ExtendWith(VertxExtension.class)
class AgentProfileTest {

  @TempDir
  Path dataDir;

  TestNode node;
  Person agent;
  BridgeClient agentBus;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    agent = node.createAgent("Annegret Admin", 3);
    agentBus = node.bridge();
    agentBus.register("agent." + agent.id(), agent.token());
  }

  @AfterEach
  void stop() {
    agentBus.close();
    node.close();
  }

  private HttpResponse<Buffer> setName(Object displayName) {
    return await(node.http.put("/api/v1/profile").bearerTokenAuthentication(agent.token())
        .sendJsonObject(new JsonObject().put("displayName", displayName)));
  }

  private HttpResponse<Buffer> upload(byte[] picture) {
    return await(node.http.put("/api/v1/profile/avatar").bearerTokenAuthentication(agent.token())
        .putHeader("Content-Type", "image/png").sendBuffer(Buffer.buffer(picture)));
  }

  private HttpResponse<Buffer> picture(String url) {
    return await(node.http.get(url).send());
  }

  @Test
  void theVisitorReadsTheDisplayNameAndSeesThePictureButNeverTheEmail() {
    HttpResponse<Buffer> named = setName("  Anna ");
    assertEquals(200, named.statusCode(), named.bodyAsString());
    assertEquals("Anna", named.bodyAsJsonObject().getString("displayName"));
    assertEquals("Annegret Admin", named.bodyAsJsonObject().getString("name"), "the account keeps its name");
    HttpResponse<Buffer> uploaded = upload(FileAttachmentTest.PNG);
    assertEquals(200, uploaded.statusCode(), uploaded.bodyAsString());
    String avatarUrl = uploaded.bodyAsJsonObject().getString("avatarUrl");
    assertTrue(avatarUrl.startsWith("/api/v1/avatars/"), avatarUrl);

    HttpResponse<Buffer> served = picture(avatarUrl);
    assertEquals(200, served.statusCode());
    assertArrayEquals(FileAttachmentTest.PNG, served.body().getBytes());
    assertEquals("image/png", served.getHeader("Content-Type"));
    assertEquals("nosniff", served.getHeader("X-Content-Type-Options"));
    assertEquals("sandbox; default-src 'none'", served.getHeader("Content-Security-Policy"));

    JsonObject me = await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online"))).getJsonObject("agent");
    assertEquals("Anna", me.getString("displayName"));
    assertEquals(avatarUrl, me.getString("avatarUrl"));
    String email = me.getString("email");

    Person visitor = node.newVisitor();
    BridgeClient visitorBus = node.bridge();
    try {
      visitorBus.register("visitor." + visitor.id(), visitor.token());
      JsonObject state = await(visitorBus.request("visitor.requestChat", visitor.token(),
          new JsonObject().put("text", "Hallo").put("clientMsgId", "v-1")));
      JsonObject assigned = await(visitorBus.push("assigned"));
      JsonObject conversation = assigned.getJsonObject("conversation");
      assertEquals("Anna", conversation.getString("agentName"));
      assertEquals(avatarUrl, conversation.getString("agentAvatarUrl"));
      assertFalse(assigned.encode().contains(email), "no e-mail in " + assigned.encode());
      assertFalse(assigned.encode().contains(agent.id()), "no agent id in " + assigned.encode());

      String conversationId = state.getJsonObject("conversation").getString("id");
      await(agentBus.request("agent.send", agent.token(),
          new JsonObject().put("conversationId", conversationId).put("text", "Guten Tag!").put("clientMsgId", "a-1")));
      JsonObject history = await(visitorBus.request("visitor.history", visitor.token(), new JsonObject()));
      assertEquals("Anna", history.getJsonObject("conversation").getString("agentName"));
      assertEquals(avatarUrl, history.getJsonObject("conversation").getString("agentAvatarUrl"));
      assertEquals("Anna", history.getJsonArray("messages").getJsonObject(1).getString("senderName"));
      assertFalse(history.encode().contains(email), "no e-mail in history");
    } finally {
      visitorBus.close();
    }
  }

  @Test
  void aScriptedSvgCalledPngIsRefusedAndTheOldPictureStays() {
    String first = upload(FileAttachmentTest.PNG).bodyAsJsonObject().getString("avatarUrl");
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    HttpResponse<Buffer> refused = upload(svg);
    assertEquals(415, refused.statusCode());
    assertEquals("unsupported_file_type", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    HttpResponse<Buffer> gif = upload("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(415, gif.statusCode(), "a picture is a still image");
    HttpResponse<Buffer> tooLarge = upload(new byte[1024 * 1024 + 1]);
    assertEquals(413, tooLarge.statusCode());
    assertEquals(200, picture(first).statusCode(), "the picture before stays");
    assertEquals(first, await(agentBus.request("agent.status", agent.token(), new JsonObject())).getJsonObject("agent").getString("avatarUrl"));
  }

  @Test
  void aNewPictureReplacesTheOldOneAndRemovingItGoesBackToInitials() {
    String first = upload(FileAttachmentTest.PNG).bodyAsJsonObject().getString("avatarUrl");
    String second = upload(FileAttachmentTest.PNG).bodyAsJsonObject().getString("avatarUrl");
    assertFalse(first.equals(second), "a new picture, a new address");
    assertEquals(404, picture(first).statusCode(), "the old picture is gone");
    assertEquals(200, picture(second).statusCode());
    HttpResponse<Buffer> removed = await(node.http.delete("/api/v1/profile/avatar").bearerTokenAuthentication(agent.token()).send());
    assertEquals(200, removed.statusCode());
    assertNull(removed.bodyAsJsonObject().getString("avatarUrl"));
    assertEquals(404, picture(second).statusCode());
    assertEquals(401, await(node.http.delete("/api/v1/profile/avatar").send()).statusCode());
  }

  @Test
  void aChatsFileIsNoPictureAndBadNamesChangeNothing() {
    assertEquals(404, picture("/api/v1/avatars/6b04d0357cca88c5001ffdfa").statusCode());
    assertEquals(404, picture("/api/v1/avatars/not-an-id").statusCode());
    assertEquals(200, setName("Anna").statusCode());
    for (Object bad : new Object[] {"A".repeat(61), "Anna\nBen", 42}) {
      HttpResponse<Buffer> refused = setName(bad);
      assertEquals(400, refused.statusCode(), String.valueOf(bad));
      assertEquals("invalid_input", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    }
    HttpResponse<Buffer> other = await(node.http.put("/api/v1/profile").bearerTokenAuthentication(agent.token())
        .sendJsonObject(new JsonObject().put("displayName", "Ben").put("role", "admin")));
    assertEquals(400, other.statusCode(), "only the display name");
    JsonObject me = await(agentBus.request("agent.status", agent.token(), new JsonObject())).getJsonObject("agent");
    assertEquals("Anna", me.getString("displayName"), "nothing changed");
    assertEquals(null, setName(null).bodyAsJsonObject().getString("displayName"), "null goes back to the account's name");
  }
}
