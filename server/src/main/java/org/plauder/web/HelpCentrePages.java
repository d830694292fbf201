package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;
import org.plauder.Services;
import org.plauder.abuse.RateLimiter;
import org.plauder.help.Article;
import org.plauder.help.ArticleHit;
import org.plauder.help.ArticleIndex;
import org.plauder.protocol.Failure;
import org.plauder.protocol.FreeText;
import org.plauder.site.Site;

/**
 * The public help centre of a site, rendered on the server: {@code /help/{siteKey}/} lists the
 * published articles of one language (and searches them with {@code ?q=}), {@code
 * /help/{siteKey}/{articleId}} shows one. Linkable and printable, with a content security policy
 * that allows no script at all.
 */
final class HelpCentrePages {

  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' https: data:; "
      + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  private static final Pattern SITE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int MAX_HITS = 10;

  private final Services services;
  private final RateLimiter searchesPerAddress;

  HelpCentrePages(Services services) {
    this.services = services;
    this.searchesPerAddress = new RateLimiter(30, 2.0, 100_000, services.clock());
  }

  static String articlePath(String siteKey, String articleId) {
    return HelpCentreHtml.listPath(siteKey) + Encode.forUriComponent(articleId);
  }

  /**
   * {@code /help/demo} → {@code /help/demo/}. Vert.x Web matches this route for {@code /help/demo/}
   * too, which goes on, as does anything that is no site key (the style sheet).
   */
  void bare(RoutingContext ctx) {
    String key = ctx.pathParam("siteKey");
    if (ctx.request().path().endsWith("/") || !SITE_KEY.matcher(key).matches()) {
      ctx.next();
      return;
    }
    String query = ctx.request().query();
    ctx.response().setStatusCode(302)
        .putHeader("Location", HelpCentreHtml.listPath(key) + (query == null ? "" : "?" + query)).end();
  }

  void contents(RoutingContext ctx) {
    String question = ctx.queryParams().get("q");
    site(ctx).onComplete(site -> {
      if (site == null) {
        return;
      }
      String lang = language(ctx, site);
      services.knowledgeBase().published(site.key(), lang)
          .compose(articles -> hits(ctx, site, lang, question)
              // Excerpts mean parsing each article's Markdown: on a worker, not on the event loop.
              .compose(hits -> ctx.vertx().executeBlocking(() -> HelpCentreHtml.contents(site, lang, articles, question, hits), false)))
          .onComplete(html -> page(ctx, 200, html), e -> {
            if (e instanceof Failure f) {
              page(ctx, f.status(), HelpCentreHtml.error(lang, f.status(), f.getMessage()));
            } else {
              ctx.fail(e);
            }
          });
    }, ctx::fail);
  }

  void article(RoutingContext ctx) {
    String id = ctx.pathParam("articleId");
    site(ctx).onComplete(site -> {
      if (site == null) {
        return;
      }
      services.knowledgeBase().find(site.key(), id).otherwiseEmpty()
          .compose(article -> article == null || !article.published() ? Future.succeededFuture((String) null)
              : ctx.vertx().executeBlocking(() -> HelpCentreHtml.article(site, article), false))
          .onComplete(html -> {
            if (html == null) {
              page(ctx, 404, HelpCentreHtml.notFound(language(ctx, site)));
            } else {
              page(ctx, 200, html);
            }
          }, ctx::fail);
    }, ctx::fail);
  }

  /** The articles found for the question (null when none was asked), in the page's language. */
  private Future<List<Article>> hits(RoutingContext ctx, Site site, String lang, String question) {
    if (question == null || question.isBlank()) {
      return Future.succeededFuture();
    }
    if (FreeText.length(question) > ArticleIndex.MAX_QUESTION) {
      return Future.failedFuture(Failure.badInput("the question is longer than " + ArticleIndex.MAX_QUESTION + " characters"));
    }
    FreeText.check("q", question, false);
    if (!searchesPerAddress.tryAcquire(Http.clientAddress(ctx, services.config().trustedProxies()))) {
      return Future.failedFuture(new Failure(429, "rate_limited", "too many searches at once, wait a moment"));
    }
    return services.knowledgeBase().searchFor(site.key(), question, List.of(lang), MAX_HITS)
        .map(hits -> hits.stream().map(ArticleHit::article).toList());
  }

  /** The site of the path; null after a 404 page when there is none. */
  private Future<Site> site(RoutingContext ctx) {
    String key = ctx.pathParam("siteKey");
    if (!SITE_KEY.matcher(key).matches()) {
      page(ctx, 404, HelpCentreHtml.notFound(requestedLanguage(ctx)));
      return Future.succeededFuture();
    }
    return services.caches().sites().get(key).map(site -> {
      if (site == null) {
        page(ctx, 404, HelpCentreHtml.notFound(requestedLanguage(ctx)));
      }
      return site;
    });
  }

  /** {@code ?lang=} if the site speaks it, else the reader's first accepted language it speaks, else the site's first. */
  private static String language(RoutingContext ctx, Site site) {
    String asked = ctx.queryParams().get("lang");
    if (asked != null && site.languages().contains(asked)) {
      return asked;
    }
    for (LanguageHeader accepted : ctx.acceptableLanguages()) {
      if (site.languages().contains(accepted.tag().toLowerCase(java.util.Locale.ROOT))) {
        return accepted.tag().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return site.languages().get(0);
  }

  private static String requestedLanguage(RoutingContext ctx) {
    return "de".equals(ctx.queryParams().get("lang")) ? "de" : "en";
  }

  private static void page(RoutingContext ctx, int status, String html) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cache-Control", "no-cache")
        .end(html);
  }
}
