package org.plauder.conversation;

/**
 * Which of its agent's counters a conversation takes while it is active: a chat slot (the agent's
 * load, up to maxChats) or an e-mail slot of its own (emailLoad, below the site's maxEmails). It
 * is written on the conversation whenever it becomes active with an agent and read when it stops
 * (closed, parked, requeued, handed on), so the slot given back is the one taken, whatever the
 * site's setting says by then.
 */
public enum SlotKind {
  CHAT("chat"),
  EMAIL("email");

  private final String wire;

  SlotKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The kind a stored value names; null for none (a conversation stored before its slot was written down). */
  public static SlotKind fromWire(String value) {
    for (SlotKind kind : values()) {
      if (kind.wire.equals(value)) {
        return kind;
      }
    }
    return null;
  }

  /** The kind a claim takes: an e-mail slot or a chat slot. */
  public static SlotKind claimed(boolean emailSlot) {
    return emailSlot ? EMAIL : CHAT;
  }

  /**
   * The slot a conversation of this {@code channel} holds: the one {@code stored} on it; for one
   * stored before slots were written down, what its site's {@code maxEmails} says now (an e-mail
   * takes an e-mail slot where it is set). A chat never holds an e-mail slot.
   */
  public static SlotKind held(String channel, SlotKind stored, Integer maxEmailsNow) {
    if (stored != null) {
      return stored;
    }
    return Conversation.EMAIL.equals(channel) && maxEmailsNow != null ? EMAIL : CHAT;
  }
}
