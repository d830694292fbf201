package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.help.BotAnswerLog.BotAnswer;
import org.plauder.help.BotAnswerLog.Offered;
import org.plauder.help.BotAnswerLog.Outcome;

/** The FAQ bot's figures in the reports: chats self-served, handed over, and each article's accepted answers. */
class BotReportTest {

  private static final Offered SHIPPING = new Offered("a1", "Versand und Lieferzeiten");
  private static final Offered RETURNS = new Offered("a2", "Rücksendung");
  private static final Offered PAYMENT = new Offered("a3", "Zahlungsarten");

  private static BotAnswer answer(String id, Outcome outcome, Offered... articles) {
    return new BotAnswer(id, "demo", Instant.EPOCH, List.of(articles), outcome);
  }

  @Test
  void countsOutcomesAndPerArticleHowOftenItWasOfferedAndAccepted() {
    BotReport report = BotReport.of(List.of(
        answer("c1", Outcome.SELF_SERVED, SHIPPING, RETURNS),
        answer("c2", Outcome.SELF_SERVED, SHIPPING),
        answer("c3", Outcome.HANDED_OVER, RETURNS),
        answer("c4", Outcome.PENDING, PAYMENT)));
    assertEquals(4, report.botAnswered());
    assertEquals(2, report.selfServed());
    assertEquals(1, report.handedOver());
    assertEquals(List.of(new BotReport.ArticleFigures("a1", "Versand und Lieferzeiten", 2, 2),
        new BotReport.ArticleFigures("a2", "Rücksendung", 2, 1),
        new BotReport.ArticleFigures("a3", "Zahlungsarten", 1, 0)), report.articles(), "most accepted first");
    assertEquals(2, report.toJson().getJsonArray("botArticles").getJsonObject(0).getInteger("accepted"));
  }

  @Test
  void aSelfServedChatIsAChatButNeverAMissedOne() {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    Conversation selfServed = new Conversation("c1", "demo", "v1", null, null, ConversationStatus.CLOSED,
        Conversation.SELF_SERVED_TICKET, t, null, null, t.plusSeconds(30), "visitor", 2, null, null, null);
    Conversation leftTheQueue = new Conversation("c2", "demo", "v2", null, null, ConversationStatus.CLOSED,
        7, t, null, null, t.plusSeconds(60), "visitor", 1, null, null, null);
    Report report = Report.of(List.of(selfServed, leftTheQueue));
    assertEquals(2, report.chats());
    assertEquals(1, report.missed());
  }
}
