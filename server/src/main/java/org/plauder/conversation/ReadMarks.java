package org.plauder.conversation;

import io.vertx.core.Future;

/**
 * How far the agent has read each conversation, by seq: what the visitor's "read" ticks show.
 * Implemented over MongoDB by {@code store.AgentReadMarks}; kept only ever rising.
 */
public interface ReadMarks {

  /** Records that the agent has read up to {@code seq}; the mark as it is after (never lower than before). */
  Future<Long> agentRead(String conversationId, long seq);

  /** The highest seq the agent has read, 0 when none. */
  Future<Long> agentReadSeq(String conversationId);
}
