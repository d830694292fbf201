package org.plauder.conversation;

import io.vertx.core.Future;
import org.plauder.auth.Identity;
import org.plauder.event.CachedReads;
import org.plauder.protocol.Failure;
import org.plauder.store.Conversations;

/**
 * Who may act on which conversation: a visitor on its own, an agent on those of its site, and
 * only the agent holding an active chat may write in it. A conversation someone may not see
 * looks exactly like a missing one.
 */
public final class ConversationAccess {

  private final Conversations conversations;
  private final CachedReads<String, Conversation> byId;

  public ConversationAccess(Conversations conversations, CachedReads<String, Conversation> byId) {
    this.conversations = conversations;
    this.byId = byId;
  }

  /** The visitor's own conversation. */
  public Future<Conversation> ofVisitor(Identity visitor, String conversationId) {
    return byId.get(conversationId).map(c -> {
      if (c == null || !c.visitorId().equals(visitor.id()) || !c.siteKey().equals(visitor.siteKey())) {
        throw Failure.notFound("conversation");
      }
      return c;
    });
  }

  /** The visitor's own conversation, and open. */
  public Future<Conversation> openOfVisitor(Identity visitor, String conversationId) {
    return ofVisitor(visitor, conversationId).map(c -> {
      if (!c.isOpen()) {
        throw Failure.conflict("conversation_closed", "the conversation is closed");
      }
      return c;
    });
  }

  /** A conversation of the agent's site. */
  public Future<Conversation> ofSite(Identity agent, String conversationId) {
    return byId.get(conversationId).map(c -> {
      if (c == null || !c.siteKey().equals(agent.siteKey())) {
        throw Failure.notFound("conversation");
      }
      return c;
    });
  }

  /**
   * An active conversation held by this agent. A refusal is checked against the store first: the
   * agent may act on its {@code assigned} push before this node's cache has forgotten the queued
   * chat it read earlier (the cache hears of the assignment on its own event loop).
   */
  public Future<Conversation> heldBy(Identity agent, String conversationId) {
    return ofSite(agent, conversationId).compose(cached -> {
      if (isHeldBy(cached, agent)) {
        return Future.succeededFuture(cached);
      }
      byId.forget(conversationId);
      return ofSite(agent, conversationId).map(stored -> {
        if (!isHeldBy(stored, agent)) {
          throw Failure.conflict("not_your_chat", "this chat is not one of your active chats");
        }
        return stored;
      });
    });
  }

  private static boolean isHeldBy(Conversation c, Identity agent) {
    return c.status() == ConversationStatus.ACTIVE && agent.id().equals(c.agentId());
  }

  /** A conversation of the site that this agent may close: its own active chat, a queued one, or any as an admin. */
  public Future<Conversation> closableBy(Identity agent, String conversationId) {
    return ofSite(agent, conversationId).map(c -> {
      if (c.status() == ConversationStatus.ACTIVE && !agent.id().equals(c.agentId()) && !agent.isAdmin()) {
        throw Failure.conflict("not_your_chat", "only the agent holding the chat or an admin can close it");
      }
      return c;
    });
  }

  /** The visitor's open conversation, else its latest, else null (a first visit). */
  public Future<Conversation> currentOfVisitor(Identity visitor) {
    return conversations.findOpenOfVisitor(visitor.id())
        .compose(open -> open != null ? Future.succeededFuture(open) : conversations.findLatestOfVisitor(visitor.id()));
  }
}
