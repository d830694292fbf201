package org.plauder.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plauder.protocol.FreeText;
import org.plauder.protocol.Failure;
import org.plauder.site.Site;

/**
 * An article's content as an admin writes it, checked: a known language, a one-line title, a
 * Markdown body, and keywords (each one line, lower-cased, no repeats). What a draft holds is
 * safe to store; the body becomes HTML only through {@link ArticleText}.
 */
public record ArticleDraft(String siteKey, String language, String title, String body, List<String> keywords,
    boolean published) {

  public static final int MAX_TITLE = 150;
  public static final int MAX_BODY = 20_000;
  public static final int MAX_KEYWORDS = 30;
  public static final int MAX_KEYWORD = 40;

  public ArticleDraft {
    if (language == null || !Site.SUPPORTED_LANGUAGES.contains(language)) {
      throw Failure.badInput("language must be one of " + Site.SUPPORTED_LANGUAGES);
    }
    title = text("title", title, MAX_TITLE, false);
    body = text("body", body, MAX_BODY, true);
    keywords = keywords(keywords);
  }

  private static String text(String field, String value, int max, boolean multiLine) {
    if (value == null || value.isBlank()) {
      throw Failure.badInput(field + " is required");
    }
    if (FreeText.length(value) > max) {
      throw Failure.badInput(field + " must be at most " + max + " characters");
    }
    return FreeText.check(field, value, multiLine).strip();
  }

  private static List<String> keywords(List<String> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_KEYWORDS) {
      throw Failure.badInput("at most " + MAX_KEYWORDS + " keywords");
    }
    List<String> kept = new ArrayList<>();
    for (String keyword : given) {
      String k = text("keywords", keyword, MAX_KEYWORD, false).toLowerCase(Locale.ROOT);
      if (!kept.contains(k)) {
        kept.add(k);
      }
    }
    return List.copyOf(kept);
  }
}
