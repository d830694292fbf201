package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.WrapUp;

/**
 * The report's lists come in an order of their own, the same whatever order the database hands
 * the conversations over in (it promises none): agents by name, channels chat and e-mail first,
 * rating comments newest first.
 */
class ReportOrderTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private static Conversation chat(String id, String agentId, String agentName, long createdSecond, String channel, Integer rating) {
    Instant at = T.plusSeconds(createdSecond);
    return new Conversation(id, "demo", "v-" + id, agentId, agentName, ConversationStatus.CLOSED, 1, at, at.plusSeconds(5),
        at.plusSeconds(30), at.plusSeconds(300), "agent", 3, rating, null, null, ChatNeeds.NONE, channel);
  }

  private final List<Conversation> conversations = List.of(
      chat("c1", "a-zoe", "Zoe", 0, Conversation.CHAT, 5),
      chat("c2", "a-anna", "anna", 10, Conversation.CHAT, null),
      // Bea was called Beate when she took her first chat.
      chat("c3", "a-bea", "Beate", 20, Conversation.EMAIL, 4),
      chat("c4", "a-bea", "Bea", 30, "sms", 2),
      chat("c5", "a-oe", "Ömer", 40, "fax", 3),
      // Two comments written on conversations created in the same second.
      chat("c6", "a-zoe", "Zoe", 40, Conversation.CHAT, 1),
      chat("c7", null, null, 50, Conversation.CHAT, null));

  private final Map<String, WrapUp> wrapUps = Map.of(
      "c1", comment("c1", "gut"), "c3", comment("c3", "schnell"), "c5", comment("c5", "ok"), "c6", comment("c6", "langsam"));

  private static WrapUp comment(String conversationId, String text) {
    return new WrapUp(conversationId, List.of(), text);
  }

  private JsonObject lists(List<Conversation> in) {
    return new JsonObject().put("agents", AgentFigures.toJson(AgentFigures.of(in)))
        .put("channels", ChannelTimes.toJson(ChannelTimes.of(in)))
        .put("ratingComments", WrapUpFigures.ratingComments(in, wrapUps));
  }

  @Test
  void agentsComeByNameUnderTheNameOfTheirNewestConversation() {
    JsonArray agents = lists(conversations).getJsonArray("agents");
    assertEquals(List.of("anna", "Bea", "Ömer", "Zoe"), agents.stream().map(a -> ((JsonObject) a).getString("agentName")).toList());
    assertEquals(2, agents.getJsonObject(1).getInteger("chats"));
    assertEquals("a-bea", agents.getJsonObject(1).getString("agentId"));
  }

  @Test
  void channelsComeChatAndEmailFirstThenTheOthersByName() {
    assertEquals(List.of("chat", "email", "fax", "sms"),
        lists(conversations).getJsonArray("channels").stream().map(c -> ((JsonObject) c).getString("channel")).toList());
  }

  @Test
  void ratingCommentsComeNewestFirstOfTwoAtOnceTheGreaterId() {
    assertEquals(List.of("c6", "c5", "c3", "c1"),
        lists(conversations).getJsonArray("ratingComments").stream().map(c -> ((JsonObject) c).getString("conversationId")).toList());
  }

  @Test
  void theListsAreTheSameInWhateverOrderTheConversationsCome() {
    JsonObject expected = lists(conversations);
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      List<Conversation> shuffled = new ArrayList<>(conversations);
      Collections.shuffle(shuffled, random);
      assertEquals(expected, lists(shuffled), "order " + shuffled.stream().map(Conversation::id).toList());
    }
  }
}
