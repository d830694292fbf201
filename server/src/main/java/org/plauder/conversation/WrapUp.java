package org.plauder.conversation;

import java.util.List;

/**
 * What is added to a conversation around its end: the agents' tags (agents only) and the comment
 * the visitor wrote with its rating (null: none). Stored on the conversation's own document.
 */
public record WrapUp(String conversationId, List<String> tags, String ratingComment) {

  public WrapUp {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public static WrapUp none(String conversationId) {
    return new WrapUp(conversationId, List.of(), null);
  }
}
