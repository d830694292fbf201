package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.plauder.help.Article;
import org.plauder.help.ArticleDraft;
import org.plauder.help.ArticleStore;

/**
 * The help articles of every site in MongoDB, one document each. Besides the articles the
 * collection holds one marker per site that was given its first articles (no {@code siteKey}
 * field, so no query for articles ever sees it).
 */
public final class Articles implements ArticleStore {

  private final Database db;

  public Articles(Database db) {
    this.db = db;
  }

  @Override
  public Future<List<Article>> ofSite(String siteKey) {
    return Reactive.list(db.articles().find(eq("siteKey", siteKey)).sort(Sorts.descending("updatedAt")))
        .map(docs -> docs.stream().map(Articles::toArticle).toList());
  }

  @Override
  public Future<List<Article>> all() {
    return Reactive.list(db.articles().find(exists("siteKey")))
        .map(docs -> docs.stream().map(Articles::toArticle).toList());
  }

  @Override
  public Future<Article> find(String siteKey, String id) {
    return Reactive.first(db.articles().find(and(eq("_id", id), eq("siteKey", siteKey))).first()).map(Articles::toArticle);
  }

  @Override
  public Future<Article> insert(ArticleDraft draft, Instant now) {
    Document doc = content(draft, now).append("_id", Ids.newId()).append("siteKey", draft.siteKey());
    return Reactive.first(db.articles().insertOne(doc)).map(done -> toArticle(doc));
  }

  @Override
  public Future<Article> replace(String id, ArticleDraft draft, Instant now) {
    Document content = content(draft, now);
    return Reactive.first(db.articles().findOneAndUpdate(and(eq("_id", id), eq("siteKey", draft.siteKey())),
            Updates.combine(content.entrySet().stream().map(e -> Updates.set(e.getKey(), e.getValue())).toList()),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(Articles::toArticle);
  }

  @Override
  public Future<Boolean> remove(String siteKey, String id) {
    return Reactive.first(db.articles().deleteOne(and(eq("_id", id), eq("siteKey", siteKey))))
        .map(result -> result.getDeletedCount() == 1);
  }

  @Override
  public Future<Boolean> insertFirstArticles(String siteKey, List<ArticleDraft> drafts, Instant now) {
    return Reactive.first(db.articles().insertOne(new Document("_id", "first-articles:" + siteKey).append("at", Dates.toDate(now))))
        .compose(marked -> Reactive.done(db.articles().insertMany(drafts.stream()
            .map(d -> content(d, now).append("_id", Ids.newId()).append("siteKey", siteKey)).toList())))
        .map(true)
        .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  private static Document content(ArticleDraft draft, Instant now) {
    return new Document("language", draft.language())
        .append("title", draft.title())
        .append("body", draft.body())
        .append("keywords", draft.keywords())
        .append("published", draft.published())
        .append("updatedAt", Dates.toDate(now));
  }

  private static Article toArticle(Document d) {
    if (d == null) {
      return null;
    }
    return new Article(d.getString("_id"), d.getString("siteKey"), d.getString("language"), d.getString("title"),
        d.getString("body"), d.getList("keywords", String.class, List.of()), d.getBoolean("published", false),
        Dates.toInstant(d.get("updatedAt", Date.class)));
  }
}
