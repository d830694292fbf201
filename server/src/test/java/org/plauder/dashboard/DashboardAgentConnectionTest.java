package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.plauder.TestNode;
import org.plauder.TestNode.OnlineAgent;

/** The admin view says who is online but has no dashboard open (and so gets no chats). */
class DashboardAgentConnectionTest extends DashboardBrowserTest {

  private String statusOf(String agentId) {
    return driver.findElement(By.cssSelector("#agents-body tr[data-agent-id='" + agentId + "'] td:nth-child(4)")).getText();
  }

  @Test
  void anAgentOnlineWithoutAnOpenDashboardShowsAsNotConnected() {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    By annaRow = By.cssSelector("#agents-body tr[data-agent-id='" + anna.person().id() + "']");
    page.wait.until(d -> !d.findElements(annaRow).isEmpty());
    assertEquals("Online", statusOf(anna.person().id()));

    anna.bus().close(); // her dashboard is gone; within the grace period she stays online by choice
    page.showView("chats");
    page.showView("admin");
    page.wait.until(d -> statusOf(anna.person().id()).contains("no connection"));
    assertEquals("Online · no connection", statusOf(anna.person().id()));
    assertEquals("dot unreachable", driver.findElement(annaRow).findElement(By.cssSelector(".dot")).getDomAttribute("class"));
  }
}
