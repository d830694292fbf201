package org.plauder.transcript;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;

/**
 * Figures over a set of conversations: how many, how many were missed (left the queue or never
 * answered), how long visitors waited for an agent and for a first reply, how long chats lasted,
 * how they were rated. Pure: computed from the conversations given.
 */
public record Report(
    int chats,
    int missed,
    int offlineMessages,
    Long waitMedianSeconds,
    Long waitP90Seconds,
    Long firstResponseMedianSeconds,
    Long firstResponseP90Seconds,
    Long durationMedianSeconds,
    Double ratingAverage,
    int ratings) {

  public static Report of(List<Conversation> conversations) {
    List<Long> waits = new ArrayList<>();
    List<Long> firstResponses = new ArrayList<>();
    List<Long> durations = new ArrayList<>();
    int chats = 0;
    int missed = 0;
    int offline = 0;
    int ratingSum = 0;
    int ratings = 0;
    for (Conversation c : conversations) {
      if (c.status() == ConversationStatus.OFFLINE) {
        offline++;
        continue;
      }
      chats++;
      boolean answered = c.firstAgentReplyAt() != null;
      if (c.assignedAt() != null) {
        waits.add(seconds(c.createdAt(), c.assignedAt()));
      }
      if (answered) {
        firstResponses.add(seconds(c.createdAt(), c.firstAgentReplyAt()));
      }
      if (c.status() == ConversationStatus.CLOSED && !answered && !c.isSelfServed()) {
        missed++;
      }
      if (c.closedAt() != null && c.assignedAt() != null) {
        durations.add(seconds(c.assignedAt(), c.closedAt()));
      }
      if (c.rating() != null) {
        ratingSum += c.rating();
        ratings++;
      }
    }
    return new Report(chats, missed, offline,
        percentile(waits, 50), percentile(waits, 90),
        percentile(firstResponses, 50), percentile(firstResponses, 90),
        percentile(durations, 50),
        ratings == 0 ? null : Math.round(ratingSum * 100.0 / ratings) / 100.0,
        ratings);
  }

  /** Nearest-rank percentile; null for no values. */
  static Long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("chats", chats)
        .put("missed", missed)
        .put("offlineMessages", offlineMessages)
        .put("waitMedianSeconds", waitMedianSeconds)
        .put("waitP90Seconds", waitP90Seconds)
        .put("firstResponseMedianSeconds", firstResponseMedianSeconds)
        .put("firstResponseP90Seconds", firstResponseP90Seconds)
        .put("durationMedianSeconds", durationMedianSeconds)
        .put("ratingAverage", ratingAverage)
        .put("ratings", ratings);
  }
}
