package org.plauder.widget;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.plauder.Browser;
import org.plauder.TestNode;

/** The agent dashboard in a headless Chromium of its own, beside the widget's: the admin signed in. */
record AgentDashboard(ChromeDriver driver, WebDriverWait waiting) {

  /** Opens the dashboard and signs the admin in; the first state has arrived (as DashboardPage.signIn waits for it). */
  static AgentDashboard ofAdmin(TestNode node) {
    ChromeDriver driver = Browser.start(1280, 800);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
    driver.get(node.origin() + "/dashboard/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    driver.findElement(By.id("login-email")).sendKeys(TestNode.ADMIN_EMAIL);
    driver.findElement(By.id("login-password")).sendKeys(TestNode.ADMIN_PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    wait.until(d -> !d.findElement(By.id("max-chats")).getDomProperty("value").isEmpty());
    return new AgentDashboard(driver, wait);
  }

  /** Picks the status in the menu and waits until the server's answer shows it (a status chosen earlier is overwritten). */
  void setStatus(String status) {
    // usable once the connection is open and the agent's record came through it
    new Select(waiting.until(ExpectedConditions.elementToBeClickable(By.id("status-select")))).selectByValue(status);
    waiting.until(ExpectedConditions.attributeContains(By.id("status-select"), "class", status));
  }
}
