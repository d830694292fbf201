package org.plauder.conversation;

import java.time.Instant;

/** One stored message; {@code seq} is its gap-free position within the conversation; {@code attachment} the file it carries, or null. */
public record ChatMessage(
    String conversationId,
    long seq,
    Sender sender,
    String senderId,
    String senderName,
    String text,
    String clientMsgId,
    Instant time,
    Attachment attachment) {

  /** A message without a file. */
  public ChatMessage(String conversationId, long seq, Sender sender, String senderId, String senderName, String text,
      String clientMsgId, Instant time) {
    this(conversationId, seq, sender, senderId, senderName, text, clientMsgId, time, null);
  }

  public enum Sender {
    VISITOR, AGENT, SYSTEM, BOT;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Sender fromWire(String value) {
      return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
