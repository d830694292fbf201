package org.plauder.agent;

import java.util.Locale;

/** Whether an agent takes new chats: only {@code ONLINE} agents are paired with visitors. */
public enum AgentStatus {
  ONLINE, AWAY, OFFLINE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for a wire value, or null when the value is not one. */
  public static AgentStatus fromWire(String value) {
    for (AgentStatus s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    return null;
  }
}
