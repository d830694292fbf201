package org.plauder.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;
import org.plauder.auth.UserSignature;

/** A logged-in customer, signed by the shop's backend, finds its chat in another browser; a forged signature finds nothing. */
class WidgetIdentityTest extends WidgetBrowserTest {

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, dataDir);
  }

  @Test
  void aVerifiedVisitorSeesItsChatInASecondBrowserProfileAndAForgedSignatureSeesNothing() {
    String secret = await(node.http.post("/api/v1/site/identity-secret").bearerTokenAuthentication(node.loginAdmin().token()).send())
        .bodyAsJsonObject().getString("secret");
    TestNode.OnlineAgent anna = node.onlineAgent("Anna", 3);
    agentBus = anna.bus();
    Person agent = anna.person();
    String goodHash = UserSignature.sign(secret, "cust-42");

    // Profile one: the customer asks, Anna answers.
    ChromeDriver laptop = Browser.start(1280, 800);
    String verifiedVisitor;
    try {
      WidgetPage page = signedIn(laptop, "cust-42", goodHash);
      page.find(".launcher").click();
      page.find("textarea").sendKeys("Wo ist Bestellung 4711?", Keys.ENTER);
      String chat = await(agentBus.push("assigned")).getJsonObject("conversation").getString("id");
      await(agentBus.request("agent.send", agent.token(), new JsonObject()
          .put("conversationId", chat).put("text", "Sie ist unterwegs.").put("clientMsgId", "a-1")));
      page.waitText(".log", "Sie ist unterwegs.");
      verifiedVisitor = visitorId(page);
    } finally {
      laptop.quit();
    }

    // Profile two (its own storage, no token): the same customer sees the chat.
    driver = Browser.start(1280, 800);
    WidgetPage phone = signedIn(driver, "cust-42", goodHash);
    phone.find(".launcher").click();
    phone.waitText(".status", "Anna ist für Sie da");
    phone.waiting().until(d -> phone.bubbles().size() == 2);
    assertEquals(List.of("Wo ist Bestellung 4711?", "Sie ist unterwegs."), phone.bubbles());
    assertEquals(verifiedVisitor, visitorId(phone));
    driver.quit();

    // Profile three: someone claims the customer with a made-up hash: an anonymous visitor, nothing of the chat.
    driver = Browser.start(1280, 800);
    WidgetPage forged = signedIn(driver, "cust-42", UserSignature.sign("guessed-secret", "cust-42"));
    forged.find(".launcher").click();
    forged.waitText(".status", "Schreiben Sie uns");
    forged.waiting().withMessage("connected as some visitor").until(d -> visitorId(forged) != null);
    assertNotEquals(verifiedVisitor, visitorId(forged));
    assertEquals(List.of(), forged.bubbles());
    assertFalse(forged.visible(".earlier"), "no earlier chat either");
    assertEquals(null, forged.js("return localStorage.getItem('plauder.demo.user');"), "kept as anonymous");
  }

  /** The shop's page for a logged-in customer: it identifies the user with its backend's signature before the widget loads. */
  private WidgetPage signedIn(ChromeDriver driver, String userId, String userHash) {
    return new WidgetPage(driver)
        .beforeEveryPage("window.Plauder = function () { (window.Plauder.q = window.Plauder.q || []).push(arguments); };"
            + " Plauder('identify', {name: 'Eva', userId: '" + userId + "', userHash: '" + userHash + "'});")
        .load(node.origin() + "/demo/");
  }

  private static String visitorId(WidgetPage page) {
    return (String) page.js("var t = localStorage.getItem('plauder.demo.token');"
        + " return t ? JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub : null;");
  }
}
