package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.plauder.help.BotAnswerLog;

/** The FAQ bot's first answers in the collection {@code botAnswers}, one document per conversation. */
public final class BotAnswers implements BotAnswerLog {

  private final Database db;

  public BotAnswers(Database db) {
    this.db = db;
  }

  @Override
  public Future<Void> answered(BotAnswer answer) {
    List<Document> articles = answer.articles().stream()
        .map(a -> new Document("id", a.articleId()).append("title", a.title())).toList();
    Document doc = new Document("_id", answer.conversationId()).append("siteKey", answer.siteKey())
        .append("answeredAt", Dates.toDate(answer.answeredAt())).append("articles", articles)
        .append("outcome", answer.outcome().wire()).append("decidedAt", null);
    return Reactive.done(db.botAnswers().insertOne(doc))
        .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture() : Future.failedFuture(e));
  }

  @Override
  public Future<Void> decided(String conversationId, Outcome outcome, Instant at) {
    return Reactive.done(db.botAnswers().updateOne(and(eq("_id", conversationId), eq("outcome", Outcome.PENDING.wire())),
        Updates.combine(Updates.set("outcome", outcome.wire()), Updates.set("decidedAt", Dates.toDate(at)))));
  }

  @Override
  public Future<List<BotAnswer>> between(String siteKey, Instant from, Instant to) {
    return Reactive.list(db.botAnswers().find(and(eq("siteKey", siteKey),
            gte("answeredAt", Dates.toDate(from)), lt("answeredAt", Dates.toDate(to)))))
        .map(docs -> docs.stream().map(BotAnswers::toAnswer).toList());
  }

  private static BotAnswer toAnswer(Document d) {
    List<Offered> articles = d.getList("articles", Document.class, List.of()).stream()
        .map(a -> new Offered(a.getString("id"), a.getString("title"))).toList();
    Outcome outcome = java.util.Arrays.stream(Outcome.values()).filter(o -> o.wire().equals(d.getString("outcome")))
        .findFirst().orElse(Outcome.PENDING);
    return new BotAnswer(d.getString("_id"), d.getString("siteKey"), Dates.toInstant(d.getDate("answeredAt")), articles, outcome);
  }
}
