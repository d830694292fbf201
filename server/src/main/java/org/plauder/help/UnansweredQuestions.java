package org.plauder.help;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Questions visitors searched for that found no article: the list an editor writes the next
 * articles from. Implemented over MongoDB by {@code store.SearchGaps}.
 */
public interface UnansweredQuestions {

  /** How many different questions a site keeps; beyond it new ones are not recorded (counts of known ones still grow). */
  int MAX_PER_SITE = 1000;

  /** One question as visitors asked it, how often, and when last. */
  record Unanswered(String question, long count, Instant lastAsked) {}

  /** Counts one more search for the question (as {@link #normalize} makes it). */
  Future<Void> record(String siteKey, String question, Instant at);

  /** The site's unanswered questions, the most often asked first. */
  Future<List<Unanswered>> mostAsked(String siteKey, int limit);

  /** Lower case, spaces collapsed, no punctuation at the end: "Quantenphysik?" and "quantenphysik" are one question. */
  static String normalize(String question) {
    return question.strip().replaceAll("\\s+", " ").replaceAll("[\\s?!.]+$", "").toLowerCase(Locale.ROOT);
  }
}
