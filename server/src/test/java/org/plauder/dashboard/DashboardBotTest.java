package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;

/** An admin switches the FAQ bot on and tunes it in the dashboard, and reads in the reports what it settled. */
class DashboardBotTest extends DashboardBrowserTest {

  @Test
  void anAdminTunesTheBotAndTheReportsCountWhatItSettled() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    page.wait.until(d -> !d.findElement(By.id("bot-min-score")).getDomProperty("value").isEmpty());
    assertEquals("off", driver.findElement(By.id("bot-mode")).getDomProperty("value"));
    assertEquals("3", driver.findElement(By.id("bot-min-score")).getDomProperty("value").replace(".0", ""));

    new Select(driver.findElement(By.id("bot-mode"))).selectByValue("first");
    WebElement minScore = driver.findElement(By.id("bot-min-score"));
    minScore.clear();
    minScore.sendKeys("2.5");
    driver.findElement(By.cssSelector("#bot-form button[type=submit]")).click();
    page.wait.until(ExpectedConditions.attributeContains(By.id("bot-result"), "class", "ok"));
    JsonObject saved = await(node.http.get("/api/v1/bot").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertEquals("first", saved.getString("mode"));
    assertEquals(2.5, saved.getDouble("minScore"));

    // A value the server refuses is shown, and changes nothing.
    // (past the browser's own check of the field, which would not even send it)
    driver.executeScript("var f = document.getElementById('bot-min-score'); f.removeAttribute('max'); f.value = '500';");
    driver.findElement(By.cssSelector("#bot-form button[type=submit]")).click();
    page.wait.until(ExpectedConditions.attributeContains(By.id("bot-result"), "class", "error"));
    assertTrue(driver.findElement(By.id("bot-result")).getText().contains("minScore"), driver.findElement(By.id("bot-result")).getText());
    assertEquals(2.5, await(node.http.get("/api/v1/bot").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getDouble("minScore"));
    Browser.screenshot(driver, "dashboard-bot-settings");

    // A visitor's question the bot settles shows in the reports.
    Person agent = node.createAgent("Anna", 2);
    BridgeClient agentBus = node.bridge();
    buses.add(agentBus);
    agentBus.register("agent." + agent.id(), agent.token());
    await(agentBus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    Person visitor = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register("visitor." + visitor.id(), visitor.token());
    JsonObject held = await(bus.request("visitor.requestChat", visitor.token(),
        new JsonObject().put("text", "Wie lange dauert der Versand?").put("clientMsgId", "q-1")));
    assertEquals(true, held.getBoolean("held"), held.encode());
    await(bus.push(p -> "message".equals(p.getString("type")) && "bot".equals(p.getJsonObject("message").getString("sender"))));
    await(bus.request("visitor.botResolved", visitor.token(),
        new JsonObject().put("conversationId", held.getJsonObject("conversation").getString("id"))));

    page.showView("reports");
    page.wait.until(d -> d.findElement(By.id("figure-selfServed")).getText().equals("1"));
    assertEquals("1", driver.findElement(By.id("figure-botAnswered")).getText());
    assertEquals("0", driver.findElement(By.id("figure-handedOver")).getText());
    assertEquals("0", driver.findElement(By.id("figure-missed")).getText(), "a self-served chat was not missed");
    WebElement row = driver.findElement(By.cssSelector("#report-bot-articles tr"));
    assertTrue(row.findElement(By.cssSelector("th")).getText().length() > 0);
    assertEquals("1", driver.findElement(By.cssSelector("#report-bot-articles td[data-figure='accepted']")).getText());
    Browser.screenshot(driver, "dashboard-reports-bot");
  }
}
