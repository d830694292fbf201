package org.plauder.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

/** The token check, the scrape and the action timers of a node's metrics, without a server. */
class NodeMetricsTest {

  private static final String TOKEN = "scrape-token-0123456789abcdef";

  @Test
  void onlyTheExactTokenMayScrape() {
    try (NodeMetrics metrics = NodeMetrics.on(TOKEN)) {
      assertTrue(metrics.admits(TOKEN));
      assertFalse(metrics.admits(null));
      assertFalse(metrics.admits(""));
      assertFalse(metrics.admits(TOKEN.substring(1)));
      assertFalse(metrics.admits(TOKEN + "x"));
      assertFalse(metrics.admits(TOKEN.toUpperCase()));
    }
  }

  @Test
  void offAdmitsNobodyMeasuresNothingAndHasNothingToScrape() {
    try (NodeMetrics metrics = NodeMetrics.off()) {
      assertFalse(metrics.enabled());
      assertNull(metrics.registry());
      assertFalse(metrics.admits(TOKEN));
      metrics.ackLatency().forAction("visitor.send").replied(true, System.nanoTime());
      assertThrows(IllegalStateException.class, metrics::scrape);
    }
  }

  @Test
  void theScrapeHasTheJvmAndTheActionsInPrometheusText() {
    try (NodeMetrics metrics = NodeMetrics.on(TOKEN)) {
      AckLatency.Recorder send = metrics.ackLatency().forAction("visitor.send");
      send.replied(true, System.nanoTime());
      send.replied(false, System.nanoTime());

      PrometheusText text = PrometheusText.parse(metrics.scrape());
      assertTrue(text.sum("jvm_memory_used_bytes") > 0);
      assertTrue(text.has("jvm_threads_live_threads"));
      assertEquals(1, text.sum("plauder_ack_latency_seconds_count", "action", "visitor.send", "outcome", "ok"));
      assertEquals(1, text.sum("plauder_ack_latency_seconds_count", "action", "visitor.send", "outcome", "error"));
      assertTrue(text.has("plauder_ack_latency_seconds_bucket", "action", "visitor.send", "le", "0.001"), "millisecond buckets");
    }
  }

  @Test
  void theDriversCommandTimerGetsTheSameBucketsAsTheActions() {
    try (NodeMetrics metrics = NodeMetrics.on(TOKEN)) {
      Timer.builder("mongodb.driver.commands").tag("command", "insert").register(metrics.registry());

      PrometheusText text = PrometheusText.parse(metrics.scrape());
      assertEquals(NodeMetrics.FAST_BUCKETS.length + 1, text.find("mongodb_driver_commands_seconds_bucket").size(), "and +Inf");
    }
  }
}
