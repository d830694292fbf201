package org.plauder.conversation;

import java.time.Instant;

/** A chat in its site's queue, as the queue's own entry has it: enough for positions and the agents' queue view. */
public record QueuedChat(String conversationId, String visitorId, String visitorName, Instant waitingSince, ChatNeeds needs) {

  public QueuedChat {
    needs = ChatNeeds.orNone(needs);
  }
}
