package org.plauder.bot;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.plauder.help.ArticleHit;
import org.plauder.help.BotSettings;

/**
 * The FAQ bot's rules, in plain Java: whether a search is sure enough to answer and with which
 * articles, whether a visitor asks for a person, and whether a new chat is the bot's to answer
 * first. Never an "I did not understand": not sure means a person answers.
 */
public final class BotDecision {

  /** At most this many articles in one answer. */
  public static final int MAX_ARTICLES = 2;

  /** Words (German and English, with their usual endings) by which a visitor asks for a person. */
  private static final Pattern ASKS_FOR_PERSON = Pattern.compile(
      "(?iu)(?<![\\p{L}\\p{N}])(mitarbeiter(in|innen|n)?|agent(en|in|s)?|human(s)?|mensch(en)?)(?![\\p{L}\\p{N}])");

  private BotDecision() {}

  /** The bot's answer: the language of the best article and the sure articles in it, best first. */
  public record Answer(String language, List<ArticleHit> articles) {
    public Answer {
      articles = List.copyOf(articles);
    }
  }

  /**
   * The answer to give for these search hits (best first), or empty when the best one scores below
   * the site's threshold. The answer keeps to the best article's language and leaves out any other
   * article below the threshold.
   */
  public static Optional<Answer> answer(List<ArticleHit> hits, double minScore) {
    if (hits.isEmpty() || hits.get(0).score() < minScore) {
      return Optional.empty();
    }
    String language = hits.get(0).article().language();
    List<ArticleHit> sure = hits.stream()
        .filter(h -> h.score() >= minScore && h.article().language().equals(language))
        .limit(MAX_ARTICLES).toList();
    return Optional.of(new Answer(language, sure));
  }

  /** Whether the text asks for a person: "Mitarbeiter", "agent", "human", "Mensch" as words, any case. */
  public static boolean asksForPerson(String text) {
    return text != null && ASKS_FOR_PERSON.matcher(text).find();
  }

  /**
   * Whether the bot answers a new chat's first message before any agent: only in mode
   * {@code first}, only when the visitor did not ask for a person, and only with a sure answer.
   */
  public static Optional<Answer> answersFirst(BotSettings settings, String firstText, List<ArticleHit> hits) {
    if (settings.mode() != BotSettings.Mode.FIRST || asksForPerson(firstText)) {
      return Optional.empty();
    }
    return answer(hits, settings.minScore());
  }
}
