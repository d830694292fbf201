package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.plauder.Services;
import org.plauder.abuse.RateLimiter;
import org.plauder.auth.Identity;
import org.plauder.auth.Origins;
import org.plauder.auth.TokenRejected;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Json;
import org.plauder.site.Site;

/**
 * POST /api/v1/sites/{siteKey}/visitors: the widget's first call. Only pages of the site's own
 * origins may mint visitors, and one address only so many a second ({@link #MINTS_BURST}, then
 * {@link #MINTS_PER_SECOND}: an office behind one address reloading its pages stays well under
 * it, a script minting visitors by the thousand does not); a returning visitor presents its old
 * token and keeps its id.
 */
final class VisitorApi {

  private static final Pattern SITE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Mints (new or resumed) one address may ask for at once, and how many it earns back a second. */
  static final int MINTS_BURST = 200;
  static final double MINTS_PER_SECOND = 20.0;

  private final Services services;
  private final VerifiedVisitors verified;
  private final RateLimiter mintsPerAddress;

  VisitorApi(Services services) {
    this.services = services;
    this.verified = new VerifiedVisitors(services);
    this.mintsPerAddress = new RateLimiter(MINTS_BURST, MINTS_PER_SECOND, 100_000, services.clock());
  }

  /** CORS preflight: answered for allowed origins only. */
  void preflight(RoutingContext ctx) {
    allowedSite(ctx).onComplete(site -> {
      ctx.response()
          .putHeader("Access-Control-Allow-Origin", ctx.request().getHeader("Origin"))
          .putHeader("Access-Control-Allow-Methods", "POST")
          .putHeader("Access-Control-Allow-Headers", "Content-Type")
          .putHeader("Access-Control-Max-Age", "600")
          .putHeader("Vary", "Origin")
          .setStatusCode(204)
          .end();
    }, ctx::fail);
  }

  void createOrResume(RoutingContext ctx) {
    if (!mintsPerAddress.tryAcquire(Http.clientAddress(ctx, services.config().trustedProxies()))) {
      ctx.fail(new Failure(429, "rate_limited", "too many visitors from this address, wait a moment"));
      return;
    }
    JsonObject body = Http.body(ctx);
    // Headers for an allowed page first, so that it can read a refusal (identity_invalid) too.
    allowedSite(ctx).onSuccess(site -> ctx.response()
            .putHeader("Access-Control-Allow-Origin", ctx.request().getHeader("Origin"))
            .putHeader("Vary", "Origin"))
        .compose(site -> mint(body, site, userAgent(ctx)).map(minted -> new JsonObject()
            .put("visitorId", minted.identity().id())
            .put("token", services.tokens().issue(minted.identity()))
            .put("returning", minted.returning())
            .put("verified", minted.verified())
            .put("features", new JsonObject().put("emailTranscript", services.canEmailTranscripts()))
            .put("site", new JsonObject().put("languages", new JsonArray(site.languages()))
                .put("retentionDays", site.retentionDays())
                .put("prechatForm", site.prechatForm().enabled() ? Json.prechatForm(site.prechatForm()) : null)
                .put("topics", Json.topics(site.skillRouting())))))
        .onComplete(reply -> Http.json(ctx, 200, reply), ctx::fail);
  }

  /** The verified user's visitor when the page names one, else the visitor of the earlier token or a new one. */
  private Future<VerifiedVisitors.Minted> mint(JsonObject body, Site site, String userAgent) {
    VerifiedVisitors.Claim claim = VerifiedVisitors.claimIn(body);
    return claim != null ? verified.visitor(site, claim, userAgent) : anonymous(body.getValue("token"), site, userAgent);
  }

  /** The visitor of the earlier token when it is still known, else a new one. */
  private Future<VerifiedVisitors.Minted> anonymous(Object oldToken, Site site, String userAgent) {
    return resume(oldToken, site, userAgent).compose(resumed -> resumed != null
        ? Future.succeededFuture(new VerifiedVisitors.Minted(resumed.identity(), resumed.visit() > 1, false))
        : services.visitors().create(site.key(), userAgent, services.clock().instant())
            .map(id -> new VerifiedVisitors.Minted(Identity.visitor(id, site.key()), false, false)));
  }

  /** A visitor minted or resumed, and which of its visits this is (a new visit after 30 minutes away). */
  private record Resumed(Identity identity, int visit) {}

  /** A still-known visitor of this site from its earlier token, or null. */
  private Future<Resumed> resume(Object token, Site site, String userAgent) {
    String id = resumedId(token, site);
    if (id == null) {
      return Future.succeededFuture();
    }
    return services.visitors().markSeenAgain(id, site.key(), userAgent, services.clock().instant())
        .map(visit -> visit > 0 ? new Resumed(Identity.visitor(id, site.key()), visit) : null);
  }

  private String resumedId(Object token, Site site) {
    if (!(token instanceof String t)) {
      return null;
    }
    try {
      Identity identity = services.tokens().verify(t, Identity.Kind.VISITOR);
      return identity.siteKey().equals(site.key()) ? identity.id() : null;
    } catch (TokenRejected e) {
      return null;
    }
  }

  /** The browser's user agent, shown to agents in the visitor panel; kept short. */
  private static String userAgent(RoutingContext ctx) {
    String ua = ctx.request().getHeader("User-Agent");
    return ua == null ? null : ua.length() > 300 ? ua.substring(0, 300) : ua;
  }

  private Future<Site> allowedSite(RoutingContext ctx) {
    return allowedSite(ctx, ctx.request().getHeader("Origin"));
  }

  /** The site of the path, when {@code origin} (the asking page's) is one of its origins; else a 404 or a 403. */
  Future<Site> allowedSite(RoutingContext ctx, String origin) {
    String siteKey = ctx.pathParam("siteKey");
    if (siteKey == null || !SITE_KEY.matcher(siteKey).matches()) {
      return Future.failedFuture(new Failure(404, "unknown_site", "no site with that key"));
    }
    return services.caches().sites().get(siteKey).compose(site -> {
      if (site == null) {
        return Future.failedFuture(new Failure(404, "unknown_site", "no site with that key"));
      }
      if (!Origins.isAllowed(origin, site.allowedOrigins())) {
        return Future.failedFuture(new Failure(403, "origin_not_allowed", "this page's origin may not use site " + site.key()));
      }
      return Future.succeededFuture(site);
    });
  }
}
