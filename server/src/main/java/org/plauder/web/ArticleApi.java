package org.plauder.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.help.ArticleDraft;
import org.plauder.help.ArticleText;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.ArticleJson;
import org.plauder.protocol.Json;

/** REST for a site's help articles: every agent reads them, drafts included; admins write, publish and delete. */
final class ArticleApi {

  private static final Set<String> FIELDS = Set.of("language", "title", "body", "keywords", "published");

  private final Services services;

  ArticleApi(Services services) {
    this.services = services;
  }

  void list(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    services.knowledgeBase().ofSite(agent.siteKey()).onComplete(articles -> {
      JsonArray array = new JsonArray();
      // No text in the list: rendering every article's HTML here would hold up the event loop.
      articles.forEach(a -> array.add(ArticleJson.articleSummary(a)));
      Http.json(ctx, 200, new JsonObject().put("articles", array));
    }, ctx::fail);
  }

  /** What visitors searched for and did not find, the most often asked first: what to write next. */
  void unanswered(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    String limitParam = ctx.queryParams().get("limit");
    if (limitParam != null && !limitParam.matches("[1-9][0-9]{0,2}")) {
      throw Failure.badInput("limit must be a whole number from 1 to 999");
    }
    services.knowledgeBase().unanswered(agent.siteKey(), limitParam == null ? 100 : Integer.parseInt(limitParam))
        .onComplete(questions -> {
          JsonArray array = new JsonArray();
          questions.forEach(q -> array.add(new JsonObject().put("question", q.question()).put("count", q.count())
              .put("lastAsked", Json.time(q.lastAsked()))));
          Http.json(ctx, 200, new JsonObject().put("questions", array));
        }, ctx::fail);
  }

  void get(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    services.knowledgeBase().find(agent.siteKey(), articleId(ctx))
        .onComplete(article -> Http.json(ctx, 200, ArticleJson.article(article)), ctx::fail);
  }

  void create(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    ArticleDraft draft = draft(admin.siteKey(), Http.body(ctx));
    services.knowledgeBase().create(draft).onComplete(article -> Http.json(ctx, 201, ArticleJson.article(article)), ctx::fail);
  }

  /** Replaces the whole article: every field as for a new one. */
  void replace(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    String id = articleId(ctx);
    ArticleDraft draft = draft(admin.siteKey(), Http.body(ctx));
    services.knowledgeBase().update(id, draft).onComplete(article -> Http.json(ctx, 200, ArticleJson.article(article)), ctx::fail);
  }

  /**
   * What an article would look like, stored nowhere: the same checks as a write, then the body's
   * sanitised HTML. An editor previews changes to a published article without readers seeing them.
   */
  void preview(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    ArticleDraft draft = draft(admin.siteKey(), Http.body(ctx));
    Http.json(ctx, 200, new JsonObject().put("html", ArticleText.html(draft.body())));
  }

  void delete(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    services.knowledgeBase().delete(admin.siteKey(), articleId(ctx))
        .onComplete(v -> ctx.response().setStatusCode(204).end(), ctx::fail);
  }

  private static String articleId(RoutingContext ctx) {
    String id = ctx.pathParam("articleId");
    if (!Inputs.isId(id)) {
      throw Failure.notFound("article");
    }
    return id;
  }

  /** The article's fields, each checked by {@link ArticleDraft}; anything else in the body is refused. */
  private static ArticleDraft draft(String siteKey, JsonObject body) {
    if (!FIELDS.containsAll(body.fieldNames())) {
      throw Failure.badInput("send only " + FIELDS);
    }
    return new ArticleDraft(siteKey, string(body, "language"), string(body, "title"), string(body, "body"),
        keywords(body.getValue("keywords")), body.containsKey("published") && Inputs.bool(body, "published"));
  }

  private static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw Failure.badInput(field + " must be a string");
    }
    return (String) value;
  }

  private static List<String> keywords(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw Failure.badInput("keywords must be a list of words");
    }
    List<String> keywords = new ArrayList<>();
    for (Object k : array) {
      if (!(k instanceof String s)) {
        throw Failure.badInput("keywords must be a list of words");
      }
      keywords.add(s);
    }
    return keywords;
  }
}
