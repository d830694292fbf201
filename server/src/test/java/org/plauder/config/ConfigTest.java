package org.plauder.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the metrics token from the environment. */
class ConfigTest {

  @Test
  void metricsAreOffWithoutAToken() {
    assertFalse(Config.fromEnvironment(Map.of()).metricsEnabled());
    assertFalse(Config.fromEnvironment(Map.of("PLAUDER_METRICS_TOKEN", "  ")).metricsEnabled());
  }

  @Test
  void aTokenTurnsMetricsOn() {
    Config config = Config.fromEnvironment(Map.of("PLAUDER_METRICS_TOKEN", " 0123456789abcdef "));
    assertTrue(config.metricsEnabled());
    assertEquals("0123456789abcdef", config.metricsToken());
  }

  @Test
  void aTokenThatCouldBeGuessedIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnvironment(Map.of("PLAUDER_METRICS_TOKEN", "short")));
    assertTrue(e.getMessage().contains("PLAUDER_METRICS_TOKEN"));
  }
}
