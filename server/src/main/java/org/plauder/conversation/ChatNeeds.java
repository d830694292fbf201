package org.plauder.conversation;

import java.time.Instant;

/**
 * What a chat asks of its agent: the visitor's language ({@code de}, {@code en}) and the skill of
 * the topic it picked, each null when not asked. Until {@code matchOnlyUntil} only agents who speak
 * the language and have the skill may take it; after that, anyone with room.
 */
public record ChatNeeds(String language, String skill, Instant matchOnlyUntil) {

  /** A chat that asks nothing in particular. */
  public static final ChatNeeds NONE = new ChatNeeds(null, null, null);

  /** Whether the chat asks for a language or a skill at all. */
  public boolean asksAnything() {
    return language != null || skill != null;
  }

  /** Whether only matching agents may take the chat at this moment. */
  public boolean matchOnlyAt(Instant now) {
    return asksAnything() && matchOnlyUntil != null && now.isBefore(matchOnlyUntil);
  }

  /** What a chat opened by an older version, with no needs stored, asks: nothing. */
  public static ChatNeeds orNone(ChatNeeds needs) {
    return needs == null ? NONE : needs;
  }
}
