package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.plauder.Services;
import org.plauder.abuse.RateLimiter;
import org.plauder.help.Article;
import org.plauder.help.ArticleIndex;
import org.plauder.protocol.Failure;
import org.plauder.protocol.FreeText;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.ArticleJson;
import org.plauder.protocol.Json;
import org.plauder.site.Site;

/**
 * The help articles as the widget reads them, without a token: {@code GET /api/v1/sites/{siteKey}/articles?q=}
 * searches the site's published articles, {@code …/articles/{articleId}} reads one. Only pages of the
 * site's own origins may ask (as for minting a visitor), and each address only so often: a search
 * box sends a request per pause in typing, a script sends thousands.
 */
final class ArticleSearchApi {

  private static final int DEFAULT_LIMIT = 3;
  private static final int MAX_LIMIT = 10;

  private final Services services;
  private final VisitorApi origins;
  private final RateLimiter perAddress;

  ArticleSearchApi(Services services, VisitorApi origins) {
    this.services = services;
    this.origins = origins;
    this.perAddress = new RateLimiter(60, 10.0, 100_000, services.clock());
  }

  void search(RoutingContext ctx) {
    String question = question(ctx.queryParams().get("q"));
    int limit = limit(ctx.queryParams().get("limit"));
    boolean typing = typing(ctx.queryParams().get("typing"));
    admitted(ctx)
        .compose(site -> (typing ? services.knowledgeBase().search(site.key(), question, languages(ctx, site), limit)
                : services.knowledgeBase().searchFor(site.key(), question, languages(ctx, site), limit))
            .map(hits -> {
              JsonArray array = new JsonArray();
              hits.forEach(h -> array.add(ArticleJson.articleHit(h.article(), HelpCentrePages.articlePath(site.key(), h.article().id()))));
              return new JsonObject().put("articles", array);
            }))
        .onComplete(reply -> Http.json(ctx, 200, reply), ctx::fail);
  }

  void read(RoutingContext ctx) {
    String id = ctx.pathParam("articleId");
    admitted(ctx)
        .compose(site -> Inputs.isId(id) ? services.knowledgeBase().find(site.key(), id) : Future.<Article>failedFuture(Failure.notFound("article")))
        .compose(article -> article.published() ? Future.succeededFuture(article) : Future.failedFuture(Failure.notFound("article")))
        .onComplete(article -> Http.json(ctx, 200, ArticleJson.articleForReaders(article)), ctx::fail);
  }

  /** The site, when the page's origin may use it and the caller's address has requests left; CORS headers set. */
  private Future<Site> admitted(RoutingContext ctx) {
    if (!perAddress.tryAcquire(Http.clientAddress(ctx, services.config().trustedProxies()))) {
      return Future.failedFuture(new Failure(429, "rate_limited", "too many searches at once, wait a moment"));
    }
    String origin = pageOrigin(ctx);
    return origins.allowedSite(ctx, origin).onSuccess(site -> ctx.response()
        .putHeader("Access-Control-Allow-Origin", origin)
        .putHeader("Vary", "Origin"));
  }

  /**
   * The origin of the page that asks. Browsers leave {@code Origin} out of a GET to the page's own
   * origin (the demo shop, the help centre); they say so in {@code Sec-Fetch-Site}, which no
   * script can set, and the page's origin is then this server's own.
   */
  private String pageOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null && "same-origin".equals(ctx.request().getHeader("Sec-Fetch-Site"))) {
      java.net.URI own = java.net.URI.create(services.config().publicUrl());
      return own.getScheme() + "://" + own.getAuthority();
    }
    return origin;
  }

  private static String question(String q) {
    if (q == null || q.isBlank()) {
      throw Failure.badInput("q is required: the visitor's question");
    }
    if (FreeText.length(q) > ArticleIndex.MAX_QUESTION) {
      throw Failure.badInput("q must be at most " + ArticleIndex.MAX_QUESTION + " characters");
    }
    return FreeText.check("q", q, false);
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
      throw Failure.badInput("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
    return Integer.parseInt(value);
  }

  /** {@code typing=1}: the widget suggests while the visitor types; a half-typed question that finds nothing is not counted. */
  private static boolean typing(String value) {
    if (value != null && !"1".equals(value)) {
      throw Failure.badInput("typing must be 1 or absent");
    }
    return value != null;
  }

  /** The asked language when the site speaks it, else every language of the site. */
  private static List<String> languages(RoutingContext ctx, Site site) {
    String lang = ctx.queryParams().get("lang");
    if (lang == null) {
      return site.languages();
    }
    if (!site.languages().contains(lang)) {
      throw Failure.badInput("lang must be one of " + site.languages());
    }
    return List.of(lang);
  }
}
