package org.plauder.routing;

import io.vertx.core.Future;

/**
 * A policy asked once for every new chat that starts with a message: whether the chat is held out
 * of the queue at first (the FAQ bot answers it before any agent). Routing knows nothing else of
 * the bot; see {@link HoldingRoom}.
 */
@FunctionalInterface
public interface ChatHold {

  /** Never holds: every chat goes straight to the queue. */
  ChatHold NEVER = (siteKey, firstText) -> Future.succeededFuture(false);

  Future<Boolean> holds(String siteKey, String firstText);
}
