package org.plauder.store;

import com.mongodb.MongoClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;

/**
 * Lets the MongoDB driver report to Micrometer: every command's latency
 * ({@code mongodb.driver.commands}, by command, collection and outcome) and the connection pool
 * ({@code mongodb.driver.pool.*}). Kept in the store because only the store knows the driver.
 */
final class DriverMetrics {

  private DriverMetrics() {}

  static void recordTo(MongoClientSettings.Builder settings, MeterRegistry registry) {
    settings.addCommandListener(new MongoMetricsCommandListener(registry))
        .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(new MongoMetricsConnectionPoolListener(registry)));
  }
}
