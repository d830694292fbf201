package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.BridgeClient;
import org.plauder.TestNode;

/** Skills, languages and topics in the dashboard: an admin sets them, and agents see what a chat asked for. */
class DashboardSkillsTest extends DashboardBrowserTest {

  private JsonObject agentNamed(String name) {
    return await(node.http.get("/api/v1/agents").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getJsonArray("agents").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("name").equals(name)).findFirst().orElseThrow();
  }

  private JsonObject site() {
    return await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
  }

  private WebElement tagsOf(String agentId, int column) {
    return driver.findElements(By.cssSelector("#agents-body tr[data-agent-id='" + agentId + "'] input.tags")).get(column);
  }

  /** Types into an agent's languages (0) or skills (1) field and leaves it; again into a fresh field when the table was redrawn meanwhile. */
  private void typeTags(String agentId, int column, String text) {
    page.wait.until(d -> {
      WebElement field = tagsOf(agentId, column);
      field.clear();
      field.sendKeys(text, Keys.TAB);
      return true;
    });
  }

  @Test
  void anAdminGivesAnAgentLanguagesAndSkillsAndTheSiteATopic() {
    String anna = DashboardPage.createAgent(node, "Anna", "anna@example.com", 3);
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    page.wait.until(d -> !d.findElements(By.cssSelector("#agents-body tr[data-agent-id='" + anna + "'] input.tags")).isEmpty());
    assertEquals("Languages of Anna (ISO codes, comma-separated)", tagsOf(anna, 0).getDomAttribute("aria-label"));

    typeTags(anna, 0, "de, EN");
    page.wait.until(d -> agentNamed("Anna").getJsonArray("languages").size() == 2);
    typeTags(anna, 1, "billing, <b>");
    page.wait.until(ExpectedConditions.attributeToBe(By.id("agents-result"), "class", "error"));
    assertTrue(driver.findElement(By.id("agents-result")).getText().contains("skills must be"), driver.findElement(By.id("agents-result")).getText());
    assertEquals(List.of(), agentNamed("Anna").getJsonArray("skills").getList(), "a refused list changes nothing");
    page.wait.until(d -> tagsOf(anna, 1).getDomProperty("value").isEmpty()); // shown as the server has it
    typeTags(anna, 1, "billing");
    page.wait.until(d -> agentNamed("Anna").getJsonArray("skills").size() == 1);
    assertEquals(List.of("de", "en"), agentNamed("Anna").getJsonArray("languages").getList());
    page.wait.until(d -> "de, en".equals(tagsOf(anna, 0).getDomProperty("value")));

    // A topic, with its labels and the fallback time.
    driver.findElement(By.id("topics-add")).click();
    List<WebElement> inputs = driver.findElements(By.cssSelector("#topics-body tr:last-child input"));
    assertEquals(driver.switchTo().activeElement(), inputs.get(0), "focus in the new topic's first field");
    inputs.get(0).sendKeys("billing");
    inputs.get(1).sendKeys("Rechnung und Zahlung");
    inputs.get(2).sendKeys("Billing and payment");
    WebElement fallback = driver.findElement(By.id("topics-fallback"));
    fallback.clear();
    fallback.sendKeys("30");
    driver.findElement(By.id("topics-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("topics-result"), "class", "ok"));
    JsonObject saved = site();
    assertEquals(30, saved.getInteger("skillFallbackSeconds"));
    assertEquals(new JsonArray().add(new JsonObject().put("skill", "billing")
        .put("labels", new JsonObject().put("de", "Rechnung und Zahlung").put("en", "Billing and payment"))), saved.getJsonArray("topics"));

    // Removing it and saving leaves no topic.
    driver.findElement(By.cssSelector("#topics-body tr:last-child button")).click();
    driver.findElement(By.id("topics-save")).click();
    page.wait.until(d -> site().getJsonArray("topics").isEmpty());
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("topics-empty")));
  }

  @Test
  void anAgentSeesTheLanguageAndTopicAChatAskedFor() {
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("topics", new JsonArray().add(new JsonObject().put("skill", "billing")
            .put("labels", new JsonObject().put("de", "Rechnung")))))).statusCode());
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    TestNode.Person eva = node.newVisitor();
    BridgeClient bus = node.bridge();
    buses.add(bus);
    String id = await(bus.request("visitor.requestChat", eva.token(), new JsonObject().put("language", "de").put("topic", "billing")
        .put("text", "Wo ist meine Rechnung?").put("clientMsgId", "m-1"))).getJsonObject("conversation").getString("id");
    page.waitForChatCount(1);
    page.select(id);
    page.wait.until(d -> d.findElement(By.id("chat-meta")).getText().contains("DE · billing"));
  }
}
