package org.plauder.routing;

import io.vertx.core.Future;
import org.plauder.event.CachedReads;
import org.plauder.site.Site;
import org.plauder.visitor.AgentMemory;

/**
 * A returning visitor's new chat goes first to the agent of its previous chat, on a site that
 * wants that ({@link Site#stickyAgent}); whether that agent may take it (online, enabled, with
 * room) the router's claim decides, and otherwise the queue's rule does.
 */
public final class LastAgentRule implements PreferredAgents {

  private final CachedReads<String, Site> sites;
  private final AgentMemory memory;

  public LastAgentRule(CachedReads<String, Site> sites, AgentMemory memory) {
    this.sites = sites;
    this.memory = memory;
  }

  @Override
  public Future<String> of(String siteKey, String visitorId) {
    return sites.get(siteKey).compose(site -> site != null && site.stickyAgent()
        ? memory.lastAgentOf(visitorId)
        : Future.succeededFuture(null));
  }
}
