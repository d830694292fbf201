package org.plauder.visitor;

import io.vertx.core.Future;

/** Which agent each visitor last chatted with, so that a returning visitor can get that agent again; implemented by {@code store.Visitors}. */
public interface AgentMemory {

  Future<Void> remember(String visitorId, String agentId);

  /** The agent of the visitor's latest chat, or null. */
  Future<String> lastAgentOf(String visitorId);
}
