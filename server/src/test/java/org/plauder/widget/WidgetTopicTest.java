package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.OnlineAgent;

/** The site's topics in the widget: the visitor picks one before the first message, and the chat goes to the agent who knows it. */
class WidgetTopicTest extends WidgetBrowserTest {

  private String admin;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin().token();
    JsonArray topics = new JsonArray()
        .add(new JsonObject().put("skill", "billing").put("labels", new JsonObject().put("de", "Rechnung und Zahlung").put("en", "Billing")))
        .add(new JsonObject().put("skill", "technik").put("labels", new JsonObject().put("de", "Technik").put("en", "Technical help")));
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("topics", topics))).statusCode());
  }

  private void tag(OnlineAgent agent, List<String> languages, List<String> skills) {
    assertEquals(200, await(node.http.patch("/api/v1/agents/" + agent.person().id()).bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("languages", new JsonArray(languages)).put("skills", new JsonArray(skills)))).statusCode());
  }

  @Test
  void aVisitorPicksATopicAndTheChatGoesToTheAgentWhoKnowsIt() {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    OnlineAgent ben = node.onlineAgent("Ben", 3);
    tag(anna, List.of("de"), List.of("billing"));
    tag(ben, List.of("de"), List.of("technik"));
    agentBus = anna.bus();
    BridgeClient benBus = ben.bus();

    driver = Browser.start(360, 740);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitVisible(".topic select");
    assertEquals("Worum geht es?", page.textOf(".topic label"));
    Select topic = new Select(page.find(".topic select"));
    assertEquals(List.of("Bitte wählen (optional)", "Rechnung und Zahlung", "Technik"),
        topic.getOptions().stream().map(o -> o.getText()).toList());
    Browser.screenshot(driver, "widget-topic-phone");

    // With the keyboard: the picker, then the message.
    page.find(".topic select").sendKeys("Technik");
    assertEquals("technik", topic.getFirstSelectedOption().getDomAttribute("value"));
    page.find("textarea").sendKeys("Mein Mahlwerk klemmt", Keys.ENTER);
    JsonObject conversation = await(benBus.push("assigned")).getJsonObject("conversation");
    assertEquals("technik", conversation.getString("topic"));
    assertEquals("de", conversation.getString("language"));
    page.waitText(".status", "Ben ist für Sie da");
    page.waiting().until(d -> !page.visible(".topic")); // no picker once the chat is open
  }
}
