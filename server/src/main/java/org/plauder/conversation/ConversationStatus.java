package org.plauder.conversation;

import java.util.Locale;

/**
 * queued → active → closed; {@code OFFLINE} is a message left while no agent was online.
 * {@code PENDING} (waiting for the customer) and {@code SNOOZED} (until a time) are an e-mail
 * conversation parked by its agent: it keeps its agent but holds no chat slot ({@link WorkStatusRules}).
 */
public enum ConversationStatus {
  QUEUED, ACTIVE, CLOSED, OFFLINE, PENDING, SNOOZED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConversationStatus fromWire(String value) {
    for (ConversationStatus s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    return null;
  }
}
