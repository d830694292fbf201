package org.plauder.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.help.Article;
import org.plauder.help.ArticleHit;
import org.plauder.help.BotSettings;

/** The FAQ bot's decisions, in plain Java: when it answers first, with what, and when a person takes over. */
class BotDecisionTest {

  private static final BotSettings FIRST = new BotSettings(BotSettings.Mode.FIRST, 3.0);

  private static ArticleHit hit(String id, String language, float score) {
    return new ArticleHit(new Article(id, "demo", language, "Title " + id, "body", List.of(), true, Instant.EPOCH), score);
  }

  @Test
  void aSureBestArticleIsAnsweredWithTheSureOnesOfItsLanguageAtMostTwo() {
    List<ArticleHit> hits = List.of(hit("versand", "de", 9f), hit("shipping", "en", 8f), hit("lieferzeit", "de", 5f),
        hit("tracking", "de", 4f));
    BotDecision.Answer answer = BotDecision.answersFirst(FIRST, "Wie lange dauert der Versand?", hits).orElseThrow();
    assertEquals("de", answer.language());
    assertEquals(List.of("versand", "lieferzeit"), answer.articles().stream().map(h -> h.article().id()).toList());
  }

  @Test
  void anArticleBelowTheThresholdIsLeftOutAndABestOneBelowItMeansAPerson() {
    BotDecision.Answer answer = BotDecision.answer(List.of(hit("a", "de", 4f), hit("b", "de", 2.9f)), 3.0).orElseThrow();
    assertEquals(List.of("a"), answer.articles().stream().map(h -> h.article().id()).toList());
    assertTrue(BotDecision.answersFirst(FIRST, "Hallo", List.of(hit("a", "de", 2.99f))).isEmpty());
    assertTrue(BotDecision.answersFirst(FIRST, "Hallo", List.of()).isEmpty());
    assertTrue(BotDecision.answersFirst(new BotSettings(BotSettings.Mode.FIRST, 10), "Versand", List.of(hit("a", "de", 9f))).isEmpty(),
        "the admin's threshold decides");
  }

  @Test
  void onlyModeFirstAnswersBeforeAnyAgent() {
    List<ArticleHit> sure = List.of(hit("a", "de", 9f));
    assertTrue(BotDecision.answersFirst(FIRST, "Versand?", sure).isPresent());
    assertTrue(BotDecision.answersFirst(new BotSettings(BotSettings.Mode.WHEN_NO_AGENT_FREE, 3.0), "Versand?", sure).isEmpty());
    assertTrue(BotDecision.answersFirst(BotSettings.OFF, "Versand?", sure).isEmpty());
  }

  @Test
  void aVisitorWhoAsksForAPersonGetsOneEvenWhenTheArticlesWouldAnswer() {
    for (String asks : List.of("Mitarbeiter", "Ich möchte einen MITARBEITER zum Versand sprechen", "agent please", "Agent!",
        "I want a human", "talk to a human about shipping", "Bitte einen Menschen", "Mensch", "Mitarbeiterin bitte", "agents?")) {
      assertTrue(BotDecision.asksForPerson(asks), asks);
      assertTrue(BotDecision.answersFirst(FIRST, asks, List.of(hit("a", "de", 9f))).isEmpty(), asks);
    }
    for (String not : List.of("Wie lange dauert der Versand?", "Ist das menschlich?", "Agentur", "humane Preise", "Reagenten",
        "Menschenrechte", "")) {
      assertFalse(BotDecision.asksForPerson(not), not);
    }
    assertFalse(BotDecision.asksForPerson(null));
  }

  @Test
  void settingsRefuseAnUnknownModeAndNameFirstOnTheWire() {
    assertEquals(BotSettings.Mode.FIRST, BotSettings.Mode.fromWire("first"));
    assertEquals("first", BotSettings.Mode.FIRST.wire());
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> BotSettings.Mode.fromWire("always"));
  }
}
