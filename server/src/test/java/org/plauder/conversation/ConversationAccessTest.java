package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plauder.auth.Identity;
import org.plauder.event.CachedReads;
import org.plauder.protocol.Failure;

class ConversationAccessTest {

  private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");
  private static final Identity ANNA = Identity.agent("a1", "demo", "agent");

  private final Map<String, Conversation> stored = new HashMap<>();
  private final CachedReads<String, Conversation> byId =
      new CachedReads<>(100, Duration.ofMinutes(5), id -> Future.succeededFuture(stored.get(id)));
  private final ConversationAccess access = new ConversationAccess(null, byId);

  private static Conversation chat(String agentId, ConversationStatus status) {
    return new Conversation("c1", "demo", "v1", agentId, agentId == null ? null : "Anna", status, 1, NOW,
        agentId == null ? null : NOW, null, null, null, 1, null, "Max", "max@kunde.test");
  }

  @Test
  void anAgentMayWriteInAChatAssignedBeforeTheCacheHeardOfIt() {
    stored.put("c1", chat(null, ConversationStatus.QUEUED));
    assertEquals(ConversationStatus.QUEUED, byId.get("c1").result().status()); // read (and kept) while queued
    stored.put("c1", chat("a1", ConversationStatus.ACTIVE)); // assigned; the cache has not heard yet

    Future<Conversation> held = access.heldBy(ANNA, "c1");

    assertTrue(held.succeeded(), () -> "refused: " + held.cause());
    assertEquals("a1", held.result().agentId());
  }

  @Test
  void anotherAgentsChatIsStillRefused() {
    stored.put("c1", chat("a2", ConversationStatus.ACTIVE));

    Future<Conversation> held = access.heldBy(ANNA, "c1");

    assertTrue(held.failed());
    assertEquals("not_your_chat", ((Failure) held.cause()).code());
  }
}
