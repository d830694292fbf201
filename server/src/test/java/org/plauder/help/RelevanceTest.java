package org.plauder.help;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search finds the right demo article for real visitors' questions (src/test/resources/help/relevance.tsv):
 * the expected article is among the first three for at least 85 % of them, and first for at least 70 %.
 */
class RelevanceTest {

  record Question(String language, String text, String expected) {}

  static List<Question> questions() throws IOException {
    try (InputStream in = RelevanceTest.class.getResourceAsStream("/help/relevance.tsv")) {
      List<Question> questions = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] cells = line.split("\t");
          questions.add(new Question(cells[0], cells[1], cells[2].strip()));
        }
      }
      return questions;
    }
  }

  @Test
  void theExpectedArticleRanksHighForVisitorsQuestions() throws IOException {
    ArticleIndex index = DemoIndex.build();
    List<Question> questions = questions();
    assertTrue(questions.size() >= 40, "the test set has at least 40 questions");
    int first = 0;
    int topThree = 0;
    List<String> misses = new ArrayList<>();
    for (Question q : questions) {
      List<String> ids = index.search("demo", q.text(), List.of(q.language()), 3).stream().map(h -> h.article().id()).toList();
      int rank = ids.indexOf(q.expected());
      first += rank == 0 ? 1 : 0;
      topThree += rank >= 0 ? 1 : 0;
      if (rank != 0) {
        misses.add(q.text() + " → " + ids + " (expected " + q.expected() + ")");
      }
    }
    double top1 = (double) first / questions.size();
    double top3 = (double) topThree / questions.size();
    String report = String.format("top-1 %.1f %%, top-3 %.1f %% of %d questions; not first:%n  %s", 100 * top1, 100 * top3,
        questions.size(), String.join("\n  ", misses));
    System.out.println(report);
    assertTrue(top3 >= 0.85, report);
    assertTrue(top1 >= 0.70, report);
  }
}
