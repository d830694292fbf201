package org.plauder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClientNoiseFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final ClientNoiseFilter filter = new ClientNoiseFilter();

  private FilterReply decide(String logger, String message) {
    Logger l = context.getLogger(logger);
    return filter.decide(null, l, Level.ERROR, message, null, new RuntimeException("x"));
  }

  @Test
  void theBridgesLinesAboutClientsAreDropped() {
    assertEquals(FilterReply.DENY, decide(ClientNoiseFilter.BRIDGE_LOGGER, "SockJSSocket exception"));
    assertEquals(FilterReply.DENY, decide(ClientNoiseFilter.BRIDGE_LOGGER, "Refusing to register as max_handlers_per_socket reached already"));
    assertEquals(FilterReply.DENY, decide(ClientNoiseFilter.BRIDGE_LOGGER, "Invalid type in incoming message: foo"));
  }

  @Test
  void serverFaultsAndOtherLoggersPass() {
    assertEquals(FilterReply.NEUTRAL, decide(ClientNoiseFilter.BRIDGE_LOGGER, "Failure in bridge event handler"));
    assertEquals(FilterReply.NEUTRAL, decide(ClientNoiseFilter.BRIDGE_LOGGER, "Cannot register handler for address visitor.1"));
    assertEquals(FilterReply.NEUTRAL, decide("org.plauder.web.Replies", "SockJSSocket exception"));
  }

  @Test
  void theShippedLoggingConfigurationInstallsIt() throws Exception {
    for (Path config : new Path[] {Path.of("src/main/resources/logback.xml"), Path.of("src/test/resources/logback-test.xml")}) {
      assertTrue(Files.readString(config).contains("<turboFilter class=\"" + ClientNoiseFilter.class.getName() + "\"/>"), config.toString());
    }
  }
}
