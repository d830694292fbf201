package org.plauder.help;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The FAQ bot's default confidence, measured on the demo articles: it answers most real
 * questions with the right article, and stays silent on greetings and on what no article covers.
 */
class BotThresholdTest {

  private static final List<String> OFF_TOPIC_DE = List.of("Hallo", "Hallo, ich habe eine Frage", "Ist jemand da?", "Quantenphysik",
      "Mein Name ist Kim", "Danke!", "Ich möchte mit einem Mitarbeiter sprechen", "Wie ist das Wetter in Leipzig?", "Habt ihr auch Tee?");
  private static final List<String> OFF_TOPIC_EN = List.of("Hello", "Is anyone there?", "I have a question", "Thanks!",
      "I want to talk to a human", "Do you sell tea?");

  private final ArticleIndex index = DemoIndex.build();

  private float best(String question, String language) {
    List<ArticleHit> hits = index.search("demo", question, List.of(language), 1);
    return hits.isEmpty() ? 0 : hits.get(0).score();
  }

  @Test
  void theBotStaysSilentOnGreetingsAndQuestionsNoArticleAnswers() {
    OFF_TOPIC_DE.forEach(q -> assertTrue(best(q, "de") < BotSettings.DEFAULT_MIN_SCORE, q + ": " + best(q, "de")));
    OFF_TOPIC_EN.forEach(q -> assertTrue(best(q, "en") < BotSettings.DEFAULT_MIN_SCORE, q + ": " + best(q, "en")));
  }

  @Test
  void theBotAnswersMostRealQuestionsWithTheRightArticle() throws IOException {
    List<RelevanceTest.Question> questions = RelevanceTest.questions();
    long answeredRightly = questions.stream().filter(q -> {
      List<ArticleHit> hits = index.search("demo", q.text(), List.of(q.language()), 1);
      return !hits.isEmpty() && hits.get(0).score() >= BotSettings.DEFAULT_MIN_SCORE && hits.get(0).article().id().equals(q.expected());
    }).count();
    assertTrue(answeredRightly >= 0.85 * questions.size(), answeredRightly + " of " + questions.size());
  }
}
