package org.plauder.web;

import io.vertx.ext.web.RoutingContext;
import org.plauder.metrics.NodeMetrics;

/** {@code GET /metrics}: the node's meters in Prometheus's text format, for a scraper that holds the metrics token. */
final class MetricsEndpoint {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final NodeMetrics metrics;

  MetricsEndpoint(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  void scrape(RoutingContext ctx) {
    if (!metrics.admits(Http.bearerToken(ctx))) {
      ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"").end();
      return;
    }
    // Formatting every meter (and reading the JVM's) is work the event loop should not wait for.
    ctx.vertx().executeBlocking(metrics::scrape, false).onComplete(
        text -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).putHeader("Cache-Control", "no-store").end(text),
        ctx::fail);
  }
}
