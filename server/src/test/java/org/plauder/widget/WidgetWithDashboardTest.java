package org.plauder.widget;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.TestNode;

/** A widget test with the agent's dashboard in a second browser ({@link AgentDashboard}), quit after the test. */
abstract class WidgetWithDashboardTest extends WidgetBrowserTest {

  ChromeDriver agentDriver;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @AfterEach
  void closeAgentBrowser() {
    if (agentDriver != null) {
      agentDriver.quit();
    }
  }
}
