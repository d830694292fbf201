package org.plauder.dashboard;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TravellingClock;

/**
 * What every dashboard browser test starts from: a real node, headless Chromium on the dashboard,
 * and the bridge connections the test opens, all closed afterwards (with a last screenshot).
 */
@ExtendWith(VertxExtension.class)
abstract class DashboardBrowserTest {

  @TempDir
  Path dataDir;

  TestNode node;
  /** The node's clock: the real time, unless a test skips ahead. */
  final TravellingClock clock = new TravellingClock();
  ChromeDriver driver;
  DashboardPage page;
  final List<BridgeClient> buses = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, TestNode.config(dataDir, null), clock);
    driver = Browser.start(1280, 800);
    page = new DashboardPage(driver, node);
  }

  /** The browser started again speaking German: the language its pages are told is de-DE. */
  void browserInGerman() {
    driver.quit();
    driver = Browser.start(1280, 900, "--lang=de-DE");
    page = new DashboardPage(driver, node);
  }

  @AfterEach
  void stop(TestInfo info) {
    try {
      Browser.screenshot(driver, "last-" + info.getTestMethod().orElseThrow().getName());
    } finally {
      driver.quit();
      buses.forEach(BridgeClient::close);
      node.close();
    }
  }
}
