package org.plauder;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails any test during which Vert.x reported a blocked event loop or worker thread. Registered for every test. */
public final class NoBlockedThreads implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    BlockedThreadAlarm.drain();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> raised = BlockedThreadAlarm.drain();
    if (!raised.isEmpty()) {
      throw new AssertionError("Vert.x reported a blocked thread during this test: " + raised.get(0));
    }
  }
}
