package org.plauder.widget;

import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.BridgeClient;
import org.plauder.TestNode;

/**
 * What the widget's browser tests share: a data directory, the node, the browser and an agent's
 * bridge connection, each closed after the test if the test opened it.
 */
@ExtendWith(VertxExtension.class)
abstract class WidgetBrowserTest {

  @TempDir
  Path dataDir;

  TestNode node;
  ChromeDriver driver;
  BridgeClient agentBus;

  @AfterEach
  void closeNodeBrowserAndAgent() {
    if (driver != null) {
      driver.quit();
    }
    if (agentBus != null) {
      agentBus.close();
    }
    if (node != null) {
      node.close();
    }
  }
}
