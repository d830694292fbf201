package org.plauder.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.SlotKind;
import org.plauder.event.DomainEvent;
import org.plauder.protocol.Failure;
import org.plauder.site.PrechatForm;
import org.plauder.site.Site;
import org.plauder.site.SkillRouting;

/**
 * An admin switches a site's e-mail slots on or off while e-mails are open: each e-mail gives back
 * the slot it took, never the one the setting would give it now, so no counter drifts. The router on
 * in-memory agents and conversations, with the site's setting read as it is at each step.
 */
class EmailSlotSwitchTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(T);
  private final InMemoryAgents agents = new InMemoryAgents();
  private final InMemoryConversations conversations = new InMemoryConversations();
  private final List<DomainEvent> events = new ArrayList<>();
  /** The site's maxEmails as an admin left it last: null, an e-mail takes a chat slot. */
  private Integer maxEmails;
  private final ChatLog noMessages = (c, sender, senderId, senderName, text, clientMsgId) -> Future.failedFuture("no messages here");
  private final ChatRouter router = new ChatRouter(agents, conversations, (id, name, email) -> Future.succeededFuture(), noMessages,
      (siteKey, visitorId) -> Future.succeededFuture(), AssignmentPolicy.lowestLoad().withSiteSettings(key -> Future.succeededFuture(site())),
      new AssignmentRate(), (millis, task) -> task.run(), events::add, clock, null);

  private Site site() {
    return new Site("demo", "Demo", List.of(), 1, "", null, false, List.of("de"), 90, true, PrechatForm.NONE, SkillRouting.NONE,
        Site.DEFAULT_TIME_ZONE, 60, 0, maxEmails);
  }

  private static <T> T done(Future<T> future) {
    assertTrue(future.succeeded(), () -> "failed: " + future.cause());
    return future.result();
  }

  private int visitors;

  /** A new conversation of this channel waits, and routing runs: the conversation as it is then. */
  private Conversation arrives(String channel) {
    clock.advance(Duration.ofSeconds(1));
    String visitor = "v" + (++visitors);
    Conversation c = done(conversations.nextQueueTicket("demo").compose(ticket ->
        conversations.openQueued("demo", visitor, ticket, null, null, ChatNeeds.NONE, clock.instant(), channel)));
    done(router.assignQueued("demo"));
    return conversations.get(c.id());
  }

  private String counters(String agentId) {
    Agent a = agents.get(agentId);
    return "load " + a.load() + ", emailLoad " + a.emailLoad();
  }

  @Test
  void anEmailInItsOwnSlotGivesThatSlotBackAfterTheSlotsWereSwitchedOff() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    maxEmails = 1;
    Conversation mail = arrives(Conversation.EMAIL);
    assertEquals(SlotKind.EMAIL, mail.slot());
    assertEquals("load 0, emailLoad 1", counters("anna"));

    maxEmails = null;
    done(router.close(mail, "agent"));
    assertEquals("load 0, emailLoad 0", counters("anna"), "her e-mail slot is free, her chat slot untouched");

    assertEquals("anna", arrives(Conversation.CHAT).agentId(), "her chat slot takes the next chat");
    maxEmails = 1;
    assertEquals("anna", arrives(Conversation.EMAIL).agentId(), "and her e-mail slot the next e-mail");
    assertEquals("load 1, emailLoad 1", counters("anna"));
  }

  @Test
  void anEmailInAChatSlotGivesTheChatSlotBackAfterTheSlotsWereSwitchedOn() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    Conversation mail = arrives(Conversation.EMAIL);
    assertEquals(SlotKind.CHAT, mail.slot());
    maxEmails = 1;
    Conversation second = arrives(Conversation.EMAIL);
    assertEquals("anna", second.agentId(), "an e-mail slot of her own beside the full chat slot");
    assertEquals("load 1, emailLoad 1", counters("anna"));

    done(router.close(mail, "agent"));
    assertEquals("load 0, emailLoad 1", counters("anna"), "the chat slot comes back, the second e-mail keeps its slot");
    assertEquals(ConversationStatus.QUEUED, arrives(Conversation.EMAIL).status(), "one e-mail slot, held: the third waits");
    assertEquals("anna", arrives(Conversation.CHAT).agentId());
  }

  @Test
  void aTransferAfterTheSwitchGivesBackTheOldSlotAndWritesDownTheNewOne() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    maxEmails = 1;
    Conversation mail = arrives(Conversation.EMAIL);
    agents.add("ben", AgentStatus.ONLINE, 1, 0, T);

    maxEmails = null;
    Conversation moved = done(router.transfer(Identity.agent("anna", "demo", "agent"), mail, "ben", null));
    assertEquals(SlotKind.CHAT, moved.slot(), "Ben took a chat slot for it, as the site says now");
    assertEquals("load 0, emailLoad 0", counters("anna"));
    assertEquals("load 1, emailLoad 0", counters("ben"));

    maxEmails = 1;
    done(router.close(moved, "agent"));
    assertEquals("load 0, emailLoad 0", counters("ben"));
  }

  @Test
  void aTransferOfAConversationReadBeforeItsSlotChangedMovesNothing() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    agents.add("ben", AgentStatus.ONLINE, 1, 0, T);
    maxEmails = 1;
    Conversation mail = arrives(Conversation.EMAIL);
    Conversation asRead = new Conversation(mail.id(), mail.siteKey(), mail.visitorId(), mail.agentId(), mail.agentName(),
        mail.status(), mail.queueTicket(), mail.createdAt(), mail.assignedAt(), null, null, null, 0, null, null, null,
        ChatNeeds.NONE, Conversation.EMAIL, SlotKind.CHAT, null);

    Future<Conversation> refused = router.transfer(Identity.agent("anna", "demo", "agent"), asRead, "ben", null);
    assertEquals("not_your_chat", assertInstanceOf(Failure.class, refused.cause()).code());
    assertEquals("load 0, emailLoad 1", counters("anna"), "Anna keeps the e-mail and its slot");
    assertEquals("load 0, emailLoad 0", counters("ben"), "Ben's claimed slot was given back");
  }

  @Test
  void theEmailsOfAnAgentWhoLeavesGiveBackTheSlotsTheyTook() {
    agents.add("anna", AgentStatus.ONLINE, 1, 0, null);
    maxEmails = 1;
    Conversation mail = arrives(Conversation.EMAIL);
    done(agents.setStatus("anna", AgentStatus.AWAY));

    maxEmails = null;
    done(router.requeueChatsOf("anna", "demo"));
    assertEquals(ConversationStatus.QUEUED, conversations.get(mail.id()).status());
    assertEquals("load 0, emailLoad 0", counters("anna"));
  }
}
