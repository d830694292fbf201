package org.plauder.conversation;

import java.util.Locale;

/**
 * Where an e-mail conversation stands for the agent working on it: {@code OPEN} (queued or with
 * its agent, holding a slot), {@code PENDING} (waiting for the customer), {@code SNOOZED} (until a
 * time) or {@code RESOLVED} (ended). Derived from {@link ConversationStatus}; the rules of moving
 * between them are in {@link WorkStatusRules}.
 */
public enum WorkStatus {
  OPEN, PENDING, SNOOZED, RESOLVED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The work status by its wire name; null for anything else. */
  public static WorkStatus fromWire(Object value) {
    for (WorkStatus s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    return null;
  }

  /** The work status of a conversation in this state; null for a left message (never assigned, nothing to work on). */
  public static WorkStatus of(ConversationStatus status) {
    return switch (status) {
      case QUEUED, ACTIVE -> OPEN;
      case PENDING -> PENDING;
      case SNOOZED -> SNOOZED;
      case CLOSED -> RESOLVED;
      case OFFLINE -> null;
    };
  }
}
