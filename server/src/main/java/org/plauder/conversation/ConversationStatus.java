package org.plauder.conversation;

import java.util.Locale;

/** queued → active → closed; {@code OFFLINE} is a message left while no agent was online. */
public enum ConversationStatus {
  QUEUED, ACTIVE, CLOSED, OFFLINE;

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
