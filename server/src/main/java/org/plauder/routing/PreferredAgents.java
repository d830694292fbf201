package org.plauder.routing;

import io.vertx.core.Future;

/** The agent a visitor's new chat should go to first, if that agent may take it now; null for none. */
@FunctionalInterface
public interface PreferredAgents {

  Future<String> of(String siteKey, String visitorId);
}
