package org.plauder.conversation;

import io.vertx.core.Future;
import java.util.function.Consumer;
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
   * A conversation of the agent's site that {@code rule} lets this agent act on ({@code rule}
   * throws the refusal). A refusal is checked against the store before it is given: the agent may
   * act on a push (assigned, transferred, woken) before this node's cache has forgotten the copy it
   * read earlier, because the cache hears of the change on its own event loop. A real refusal
   * costs one more read; an allowed action costs nothing more.
   */
  public Future<Conversation> ofSite(Identity agent, String conversationId, Consumer<Conversation> rule) {
    return ofSite(agent, conversationId).compose(cached -> {
      try {
        rule.accept(cached);
        return Future.succeededFuture(cached);
      } catch (Failure refused) {
        byId.forget(conversationId);
        return ofSite(agent, conversationId).map(stored -> {
          rule.accept(stored);
          return stored;
        });
      }
    });
  }

  /** An active conversation held by this agent (to write in it, type in it or hand it on). */
  public Future<Conversation> heldBy(Identity agent, String conversationId) {
    return ofSite(agent, conversationId, c -> {
      if (c.status() != ConversationStatus.ACTIVE || !agent.id().equals(c.agentId())) {
        throw Failure.conflict("not_your_chat", "this chat is not one of your active chats");
      }
    });
  }

  /** A conversation of the site that this agent may close: its own active chat, a queued one, or any as an admin. */
  public Future<Conversation> closableBy(Identity agent, String conversationId) {
    return ofSite(agent, conversationId, c -> {
      if (c.status() == ConversationStatus.ACTIVE && !agent.id().equals(c.agentId()) && !agent.isAdmin()) {
        throw Failure.conflict("not_your_chat", "only the agent holding the chat or an admin can close it");
      }
    });
  }

  /** The visitor's open conversation, else its latest, else null (a first visit). */
  public Future<Conversation> currentOfVisitor(Identity visitor) {
    return conversations.findOpenOfVisitor(visitor.id())
        .compose(open -> open != null ? Future.succeededFuture(open) : conversations.findLatestOfVisitor(visitor.id()));
  }
}
