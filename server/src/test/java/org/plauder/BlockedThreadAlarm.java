package org.plauder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects Vert.x's "thread has been blocked" warnings during the tests, so that
 * {@link NoBlockedThreads} can fail the test in which one appeared.
 */
public final class BlockedThreadAlarm extends AppenderBase<ILoggingEvent> {

  private static final List<String> RAISED = new ArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    if (message != null && message.contains("has been blocked for")) {
      synchronized (RAISED) {
        RAISED.add(message);
      }
    }
  }

  /** The warnings raised since the last call, and forgets them. */
  public static List<String> drain() {
    synchronized (RAISED) {
      List<String> raised = new ArrayList<>(RAISED);
      RAISED.clear();
      return raised;
    }
  }
}
