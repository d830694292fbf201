package org.plauder.widget;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.Browser;
import org.plauder.TestNode;

/** A widget test with the agent's dashboard in a second browser ({@link AgentDashboard}), quit after the test. */
abstract class WidgetWithDashboardTest extends WidgetBrowserTest {

  ChromeDriver agentDriver;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  /**
   * The shop's widget in a browser of {@code width} × {@code height}: opened, {@code text} sent, and
   * an agent ("… ist für Sie da") has the chat.
   */
  WidgetPage chatInWidget(int width, int height, String text) {
    driver = Browser.start(width, height);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitVisible("textarea");
    page.find("textarea").sendKeys(text, Keys.ENTER);
    page.waitText(".status", "ist für Sie da");
    return page;
  }

  @AfterEach
  void closeAgentBrowser() {
    if (agentDriver != null) {
      agentDriver.quit();
    }
  }
}
