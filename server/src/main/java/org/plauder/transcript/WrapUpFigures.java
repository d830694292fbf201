package org.plauder.transcript;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.WrapUp;
import org.plauder.protocol.Json;

/** A report's wrap-up figures: conversations per tag, and the visitors' rating comments. Pure. */
public final class WrapUpFigures {

  /** How many rating comments a report lists (the newest). */
  public static final int MAX_COMMENTS = 100;

  private WrapUpFigures() {}

  /** Each tag with how many of the conversations carry it: most first, then by name. */
  public static JsonArray perTag(List<Conversation> conversations, Map<String, WrapUp> wrapUps) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Conversation c : conversations) {
      WrapUp w = wrapUps.get(c.id());
      if (w != null) {
        w.tags().forEach(tag -> counts.merge(tag, 1, Integer::sum));
      }
    }
    return tagCounts(counts);
  }

  /** Tags with their counts as {@code [{"tag", "conversations"}]}: most first, then by name. */
  public static JsonArray tagCounts(Map<String, Integer> counts) {
    JsonArray tags = new JsonArray();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> tags.add(new JsonObject().put("tag", e.getKey()).put("conversations", e.getValue())));
    return tags;
  }

  /** The rated conversations with a comment, newest first (of two created at once, the greater id), at most {@link #MAX_COMMENTS}. */
  public static JsonArray ratingComments(List<Conversation> conversations, Map<String, WrapUp> wrapUps) {
    JsonArray comments = new JsonArray();
    conversations.stream()
        .filter(c -> c.rating() != null && wrapUps.containsKey(c.id()) && wrapUps.get(c.id()).ratingComment() != null)
        .sorted(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id).reversed())
        .limit(MAX_COMMENTS)
        .forEach(c -> comments.add(new JsonObject().put("conversationId", c.id()).put("createdAt", Json.time(c.createdAt()))
            .put("agentName", c.agentName()).put("channel", c.channel()).put("rating", c.rating())
            .put("comment", wrapUps.get(c.id()).ratingComment())));
    return comments;
  }
}
