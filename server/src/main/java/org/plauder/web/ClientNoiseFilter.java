package org.plauder.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops the lines Vert.x's SockJS bridge writes about a client's doing — a broken connection or an
 * oversized frame (each with a stack trace), frames it refuses — which any page could trigger a
 * thousand times a second. Plauder logs client misbehaviour itself, once a minute per connection
 * ({@link ClientFaults}); the bridge's lines about its own faults pass. Installed in logback.xml.
 */
public final class ClientNoiseFilter extends TurboFilter {

  static final String BRIDGE_LOGGER = "io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl";

  /** How the bridge's lines about clients begin (vertx-web 5.1.5, EventBusBridgeImpl). */
  static final List<String> CLIENT_LINES = List.of(
      "SockJSSocket exception",
      "Invalid type in incoming message",
      "Refusing to register",
      "Will not send message, reply address is > 36 chars");

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || !BRIDGE_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    return CLIENT_LINES.stream().anyMatch(format::startsWith) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
