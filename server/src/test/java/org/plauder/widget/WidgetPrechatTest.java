package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.auth.UserSignature;

/** The site's pre-chat form in the widget: the server refuses a missing e-mail, the answers reach the agent, verified users skip it. */
class WidgetPrechatTest extends WidgetBrowserTest {

  private static final String PRIVACY = "https://shop.example/datenschutz";

  private String admin;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
    admin = node.loginAdmin().token();
    JsonObject form = new JsonObject().put("enabled", true).put("name", "optional").put("email", "required")
        .put("consentRequired", true).put("privacyUrl", PRIVACY);
    assertEquals(200, await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("prechatForm", form).put("retentionDays", 30))).statusCode());
  }

  @Test
  void aMissingRequiredEmailIsRefusedAndTheAnswersReachTheAgent() {
    agentBus = node.onlineAgent("Anna", 3).bus();

    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver).load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitText(".prechat", "Bevor es losgeht");
    assertFalse(page.visible(".composer"), "no composer before the form is answered");
    assertTrue(page.textOf(".prechat .stored").contains("Den Chatverlauf löschen wir 30 Tage nach dem Chat"), page.textOf(".prechat .stored"));
    assertEquals(PRIVACY, page.find(".prechat a").getDomAttribute("href"));
    assertEquals("_blank", page.find(".prechat a").getDomAttribute("target"));
    assertEquals("noopener noreferrer", page.find(".prechat a").getDomAttribute("rel"));
    assertEquals("input.", page.focused(), "focus in the form's first field");
    Browser.screenshot(driver, "widget-prechat");

    // No e-mail: the server says so, the form stays, nothing is kept.
    page.find(".prechat input[name=name]").sendKeys("Eva");
    page.find(".prechat input[name=consent]").click();
    page.find(".prechat button[type=submit]").click();
    page.waitText(".error", "Bitte geben Sie Ihre E-Mail-Adresse an.");
    assertTrue(page.visible(".prechat"));
    assertFalse(page.visible(".composer"));

    // With the e-mail: on to the composer, and the chat carries the answers.
    page.find(".prechat input[name=email]").sendKeys("eva@example.org", Keys.ENTER);
    page.waitVisible(".composer");
    page.waiting().until(d -> !page.visible(".error"));
    assertEquals("textarea.", page.focused());
    page.find("textarea").sendKeys("Passt Filter Größe 4?", Keys.ENTER);
    JsonObject conversation = await(agentBus.push("assigned")).getJsonObject("conversation");
    assertEquals("Eva", conversation.getString("visitorName"));
    assertEquals("eva@example.org", conversation.getString("visitorEmail"));
    page.waitText(".status", "Anna ist für Sie da");
  }

  @Test
  void aVerifiedUserGoesStraightToTheComposer() {
    agentBus = node.onlineAgent("Anna", 3).bus();
    String secret = await(node.http.post("/api/v1/site/identity-secret").bearerTokenAuthentication(admin).send())
        .bodyAsJsonObject().getString("secret");
    driver = Browser.start(1280, 800);
    WidgetPage page = new WidgetPage(driver)
        .beforeEveryPage("window.Plauder = function () { (window.Plauder.q = window.Plauder.q || []).push(arguments); };"
            + " Plauder('identify', {userId: 'cust-7', userHash: '" + UserSignature.sign(secret, "cust-7") + "'});")
        .load(node.origin() + "/demo/");
    page.find(".launcher").click();
    page.waitText(".status", "Schreiben Sie uns");
    page.waiting().withMessage("connected as the verified user").until(d -> "cust-7".equals(page.js("return localStorage.getItem('plauder.demo.user');")));
    page.waitVisible(".composer");
    assertFalse(page.visible(".prechat"), "a verified user is not asked");
    assertNull(page.js("return sessionStorage.getItem('plauder.demo.prechat');"), "not because it answered the form");
  }
}
