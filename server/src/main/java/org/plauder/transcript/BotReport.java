package org.plauder.transcript;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plauder.help.BotAnswerLog.BotAnswer;
import org.plauder.help.BotAnswerLog.Offered;
import org.plauder.help.BotAnswerLog.Outcome;

/**
 * What the FAQ bot's first answers achieved in a period: how many chats it answered, how many of
 * them were self-served (the visitor said it helped) or handed over to a person, and per article
 * how often it was offered and how often the answer it was in was accepted. Pure: computed from
 * the answers given.
 */
public record BotReport(int botAnswered, int selfServed, int handedOver, List<ArticleFigures> articles) {

  /** One article's figures: offered in so many answers, of which so many were accepted. */
  public record ArticleFigures(String articleId, String title, int offered, int accepted) {}

  public static BotReport of(List<BotAnswer> answers) {
    int selfServed = 0;
    int handedOver = 0;
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (BotAnswer a : answers) {
      boolean accepted = a.outcome() == Outcome.SELF_SERVED;
      selfServed += accepted ? 1 : 0;
      handedOver += a.outcome() == Outcome.HANDED_OVER ? 1 : 0;
      for (Offered o : a.articles()) {
        int[] c = counts.computeIfAbsent(o.articleId(), k -> new int[2]);
        c[0]++;
        c[1] += accepted ? 1 : 0;
        titles.put(o.articleId(), o.title());
      }
    }
    List<ArticleFigures> articles = new ArrayList<>();
    counts.forEach((id, c) -> articles.add(new ArticleFigures(id, titles.get(id), c[0], c[1])));
    articles.sort(Comparator.comparingInt(ArticleFigures::accepted).reversed()
        .thenComparing(Comparator.comparingInt(ArticleFigures::offered).reversed()).thenComparing(ArticleFigures::title));
    return new BotReport(answers.size(), selfServed, handedOver, articles);
  }

  /** The figures as the reports endpoint adds them to the site's figures. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    articles.forEach(a -> list.add(new JsonObject().put("articleId", a.articleId()).put("title", a.title())
        .put("offered", a.offered()).put("accepted", a.accepted())));
    return new JsonObject().put("botAnswered", botAnswered).put("selfServed", selfServed).put("handedOver", handedOver)
        .put("botArticles", list);
  }
}
