package org.plauder.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a site matches chats to agents by what they speak and know: the topics a visitor may pick
 * before the first message (each names the skill it needs), and how long only matching agents may
 * take a chat before anyone with room may ({@code fallbackAfterSeconds}).
 */
public record SkillRouting(List<Topic> topics, int fallbackAfterSeconds) {

  public static final int DEFAULT_FALLBACK_AFTER_SECONDS = 60;
  public static final int MAX_FALLBACK_AFTER_SECONDS = 3600;
  public static final int MAX_TOPICS = 12;
  public static final int MAX_LABEL_LENGTH = 60;

  /** No topics; a chat's language still goes first to agents who speak it, for the default time. */
  public static final SkillRouting NONE = new SkillRouting(List.of(), DEFAULT_FALLBACK_AFTER_SECONDS);

  public SkillRouting {
    topics = List.copyOf(topics);
  }

  /** A topic a visitor may pick: the skill it needs, and its label per language ({@code de}, {@code en}). */
  public record Topic(String skill, Map<String, String> labels) {
    public Topic {
      labels = Map.copyOf(labels);
    }
  }

  /** The topic with this skill, or null when the site offers none such. */
  public Topic topic(String skill) {
    return topics.stream().filter(t -> t.skill().equals(skill)).findFirst().orElse(null);
  }

  /** Until when a chat asked now is only for agents who match it. */
  public Instant matchOnlyUntil(Instant asked) {
    return asked.plusSeconds(fallbackAfterSeconds);
  }
}
