package org.plauder.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.plauder.config.Config;

/**
 * The meters of one node — Vert.x's, the JVM's, the MongoDB driver's and Plauder's own — kept for
 * Prometheus to scrape; without a token there is no registry at all and nothing is measured.
 */
public final class NodeMetrics implements AutoCloseable {

  /** Histogram buckets for what should take milliseconds: actions, HTTP requests, database commands. */
  static final Duration[] FAST_BUCKETS = durations(1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000);

  /** Vert.x's and the driver's timers that get the same buckets as Plauder's ack latency. */
  private static final Set<String> FAST_TIMERS = Set.of("vertx.http.server.response.time", "mongodb.driver.commands");

  /**
   * Labels whose values are few and name no person: never an event-bus address (each visitor
   * has its own inbox, visitor.&lt;id&gt;), a request path or a remote address.
   */
  private static final Set<Label> VERTX_LABELS =
      EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME, Label.EB_SIDE);

  private final PrometheusMeterRegistry registry;
  private final byte[] tokenDigest;
  private final String vertxRegistryName;
  private final List<MeterBinder> jvm;

  private NodeMetrics(PrometheusMeterRegistry registry, String token) {
    this.registry = registry;
    this.tokenDigest = token == null ? null : sha256(token);
    // Vert.x keeps its registries by name in one static map: a name per node keeps nodes of one JVM (tests) apart.
    this.vertxRegistryName = "plauder-" + UUID.randomUUID();
    this.jvm = registry == null ? List.of() : List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), new JvmGcMetrics(),
        new JvmThreadMetrics(), new JvmInfoMetrics(), new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics());
    if (registry != null) {
      registry.config().meterFilter(fastTimerBuckets());
      jvm.forEach(binder -> binder.bindTo(registry));
    }
  }

  /** Metrics as configured: on with PLAUDER_METRICS_TOKEN, otherwise off. */
  public static NodeMetrics of(Config config) {
    return config.metricsEnabled() ? on(config.metricsToken()) : off();
  }

  /** Collects everything and serves it to whoever presents {@code token}. */
  public static NodeMetrics on(String token) {
    return new NodeMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), token);
  }

  /** Measures nothing and costs nothing. */
  public static NodeMetrics off() {
    return new NodeMetrics(null, null);
  }

  public boolean enabled() {
    return registry != null;
  }

  /** Where meters are registered; null when metrics are off. */
  public MeterRegistry registry() {
    return registry;
  }

  /** A builder for this node's Vert.x: with Vert.x's own metrics in this registry when metrics are on. */
  public VertxBuilder vertxBuilder(VertxOptions options) {
    if (registry == null) {
      return Vertx.builder().with(options);
    }
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName(vertxRegistryName)
        .setLabels(VERTX_LABELS);
    return Vertx.builder().with(new VertxOptions(options).setMetricsOptions(metrics)).withMetrics(new MicrometerMetricsFactory(registry));
  }

  /** The timers of the bridge actions; they record nothing when metrics are off. */
  public AckLatency ackLatency() {
    return new AckLatency(registry);
  }

  /**
   * Whether a scrape with this bearer token may read the metrics. Both sides are hashed first, so
   * the comparison takes the same time whatever the presented token's length or content.
   */
  public boolean admits(String bearerToken) {
    return tokenDigest != null && bearerToken != null && MessageDigest.isEqual(tokenDigest, sha256(bearerToken));
  }

  /** Every meter in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    if (registry == null) {
      throw new IllegalStateException("metrics are off");
    }
    return registry.scrape();
  }

  @Override
  public void close() {
    for (MeterBinder binder : jvm) {
      if (binder instanceof AutoCloseable closeable) {
        try {
          closeable.close(); // the GC binder listens to the JVM's GC notifications until closed
        } catch (Exception ignored) {
          // closing a listener that is gone already changes nothing
        }
      }
    }
    if (registry != null) {
      registry.close();
    }
  }

  private static MeterFilter fastTimerBuckets() {
    double[] nanos = Arrays.stream(FAST_BUCKETS).mapToDouble(Duration::toNanos).toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!FAST_TIMERS.contains(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
      }
    };
  }

  static Duration[] durations(long... millis) {
    return Arrays.stream(millis).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
