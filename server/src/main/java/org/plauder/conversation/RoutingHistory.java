package org.plauder.conversation;

import io.vertx.core.Future;
import java.util.List;

/** Each conversation's routing steps, oldest first. Implemented over MongoDB by {@code store.RoutingLog}. */
public interface RoutingHistory {

  Future<Void> record(String conversationId, RoutingStep step);

  Future<List<RoutingStep>> of(String conversationId);
}
