package org.plauder.agent;

import java.time.Instant;

/** A support agent of one site; {@code load} is the number of active chats it holds. */
public record Agent(
    String id,
    String siteKey,
    String email,
    String name,
    String role,
    int maxChats,
    AgentStatus status,
    int load,
    boolean disabled,
    Instant lastAssignedAt) {

  public static final String ROLE_AGENT = "agent";
  public static final String ROLE_ADMIN = "admin";
  public static final int MAX_CHATS_LIMIT = 50;

  /** Chats it can still take; never below zero, also when maxChats was lowered under the current load. */
  public int freeSlots() {
    return Math.max(0, maxChats - load);
  }
}
