package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plauder.auth.Identity;
import org.plauder.event.CachedReads;
import org.plauder.protocol.Failure;

class ConversationAccessTest {

  private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");
  private static final Identity ANNA = Identity.agent("a1", "demo", "agent");

  private static final Identity ADMIN = Identity.agent("a9", "demo", "admin");

  private final Map<String, Conversation> stored = new HashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final CachedReads<String, Conversation> byId = new CachedReads<>(100, Duration.ofMinutes(5), id -> {
    reads.incrementAndGet();
    return Future.succeededFuture(stored.get(id));
  });
  private final ConversationAccess access = new ConversationAccess(null, byId);

  private static Conversation chat(String agentId, ConversationStatus status) {
    return new Conversation("c1", "demo", "v1", agentId, agentId == null ? null : "Anna", status, 1, NOW,
        agentId == null ? null : NOW, null, null, null, 1, null, "Max", "max@kunde.test");
  }

  private static Conversation mail(String agentId, ConversationStatus status) {
    return new Conversation("c1", "demo", "v1", agentId, agentId == null ? null : "Anna", status, 1, NOW,
        agentId == null ? null : NOW, null, null, null, 1, null, "Max", "max@kunde.test", ChatNeeds.NONE, Conversation.EMAIL);
  }

  /** The cache reads {@code before} and keeps it; then the store changes to {@code after} without the cache hearing of it yet. */
  private void changedBehindTheCache(Conversation before, Conversation after) {
    stored.put("c1", before);
    assertEquals(before, byId.get("c1").result());
    stored.put("c1", after);
  }

  private static String refusal(Future<Conversation> f) {
    assertTrue(f.failed(), () -> "allowed: " + f.result());
    return ((Failure) f.cause()).code();
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

  @Test
  void anAllowedActionReadsTheStoreOnlyOnce() {
    stored.put("c1", chat("a1", ConversationStatus.ACTIVE));

    assertTrue(access.heldBy(ANNA, "c1").succeeded());
    assertTrue(access.heldBy(ANNA, "c1").succeeded());
    assertTrue(access.closableBy(ANNA, "c1").succeeded());

    assertEquals(1, reads.get());
  }

  @Test
  void aChatTransferredToTheAgentBeforeTheCacheHeardOfItMayBeClosedAndHandedOn() {
    changedBehindTheCache(chat("a2", ConversationStatus.ACTIVE), chat("a1", ConversationStatus.ACTIVE));

    Future<Conversation> closable = access.closableBy(ANNA, "c1");

    assertTrue(closable.succeeded(), () -> "refused: " + closable.cause());
    assertEquals("a1", closable.result().agentId());
    assertTrue(access.heldBy(ANNA, "c1").succeeded()); // what agent.transfer asks before it hands the chat on
  }

  @Test
  void anotherAgentsActiveChatIsNotClosableButByAnAdmin() {
    stored.put("c1", chat("a2", ConversationStatus.ACTIVE));

    assertEquals("not_your_chat", refusal(access.closableBy(ANNA, "c1")));
    assertTrue(access.closableBy(ADMIN, "c1").succeeded());
  }

  @Test
  void anEmailAssignedBeforeTheCacheHeardOfItMaySetItsWorkStatus() {
    changedBehindTheCache(mail(null, ConversationStatus.QUEUED), mail("a1", ConversationStatus.ACTIVE));

    Future<Conversation> pending = access.ofSite(ANNA, "c1",
        c -> WorkStatusRules.byAgent(c, ANNA.id(), WorkStatus.PENDING, null, NOW));

    assertTrue(pending.succeeded(), () -> "refused: " + pending.cause());
    assertEquals(ConversationStatus.ACTIVE, pending.result().status());
  }

  @Test
  void aRefusalThatTheStoreConfirmsIsGivenWithTheRulesOwnReason() {
    stored.put("c1", mail("a2", ConversationStatus.PENDING));

    Future<Conversation> open = access.ofSite(ANNA, "c1", c -> WorkStatusRules.byAgent(c, ANNA.id(), WorkStatus.OPEN, null, NOW));

    assertEquals("not_your_chat", refusal(open));
    assertEquals(2, reads.get()); // the cached copy, then the store again before refusing
  }

  @Test
  void aChatOfAnotherSiteLooksMissing() {
    stored.put("c1", chat("a1", ConversationStatus.ACTIVE));

    assertEquals("not_found", refusal(access.heldBy(Identity.agent("a1", "other", "agent"), "c1")));
  }
}
