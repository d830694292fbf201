package org.plauder.event;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.conversation.Conversation;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatRated;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.ConversationStatusChanged;
import org.plauder.event.DomainEvent.SiteChanged;
import org.plauder.offer.OfferSettings;
import org.plauder.site.Site;

/** Keeps this node's read caches true: forgets a cached record when an event from any node says it changed. */
public final class CacheInvalidation extends VerticleBase {

  /** The node's caches: sites and their offer rules by site key, agents and conversations by id. */
  public record Caches(CachedReads<String, Site> sites, CachedReads<String, OfferSettings> offerSettings,
      CachedReads<String, Agent> agents, CachedReads<String, Conversation> conversations) {

    /**
     * Forgets a site's settings. The node that changed them calls this before it answers, so the
     * admin's next action already sees the change there; other nodes follow on {@code SiteChanged}.
     */
    public void forgetSite(String siteKey) {
      sites.forget(siteKey);
      offerSettings.forget(siteKey);
    }
  }

  private final DomainEvents events;
  private final Caches caches;

  public CacheInvalidation(DomainEvents events, Caches caches) {
    this.events = events;
    this.caches = caches;
  }

  @Override
  public Future<?> start() {
    CachedReads<String, Conversation> conversations = caches.conversations();
    return Future.all(List.of(
        events.onEveryNode(SiteChanged.class, e -> caches.forgetSite(e.siteKey())),
        events.onEveryNode(AgentStatusChanged.class, e -> caches.agents().forget(e.agentId())),
        events.onEveryNode(ChatAssigned.class, e -> conversations.forget(e.conversation().id())),
        events.onEveryNode(ChatTransferred.class, e -> conversations.forget(e.conversation().id())),
        events.onEveryNode(ChatClosed.class, e -> conversations.forget(e.conversationId())),
        events.onEveryNode(ChatQueued.class, e -> conversations.forget(e.conversationId())),
        events.onEveryNode(ChatRated.class, e -> conversations.forget(e.conversationId())),
        events.onEveryNode(DomainEvent.AgentProfileChanged.class, e -> caches.agents().forget(e.agentId())),
        events.onEveryNode(ConversationStatusChanged.class, e -> conversations.forget(e.conversation().id()))));
  }
}
