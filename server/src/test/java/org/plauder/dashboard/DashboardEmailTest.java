package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestMailServer.CUSTOMER;
import static org.plauder.TestNode.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.BridgeClient;
import org.plauder.TestMailServer;
import org.plauder.TestNode.Person;

/** The e-mail channel in the dashboard: an e-mail conversation beside a chat, answered by e-mail; a left message answered by e-mail. */
class DashboardEmailTest extends DashboardBrowserTest {

  static final String ANNA_EMAIL = "anna@test.local";
  static final String ANNA_PASSWORD = "password-Anna";

  TestMailServer mail;

  @BeforeEach
  void startMail() {
    mail = new TestMailServer();
  }

  @AfterEach
  void stopMail() {
    mail.close();
  }

  @Test
  void anEmailConversationStandsBesideAChatShowsItsHtmlInertAndIsAnsweredByEmail() throws Exception {
    DashboardPage.createAgent(node, "Anna", ANNA_EMAIL, 3);
    page.open().signIn(ANNA_EMAIL, ANNA_PASSWORD);
    page.setStatus("online");
    BridgeClient bus = node.bridge();
    buses.add(bus);
    String chat = await(bus.request("visitor.requestChat", node.newVisitor().token(), new JsonObject()
        .put("name", "Chat-Kunde").put("text", "Hallo aus dem Chat").put("clientMsgId", "c-1"))).getJsonObject("conversation").getString("id");
    page.waitForChatCount(1);

    mail.connect(node);
    MimeMessage html = mail.draft(CUSTOMER, "Eva Muster", "Lieferung");
    html.setContent("<p>Wo ist <b>mein</b> Paket?</p><img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>",
        "text/html; charset=UTF-8");
    Transport.send(html);
    page.waitForChatCount(2);

    String email = page.wait.until(d -> page.chatItems().stream().map(i -> i.getDomAttribute("data-conversation-id"))
        .filter(id -> !chat.equals(id)).findFirst().orElse(null));
    assertEquals(1, driver.findElement(page.chatItem(email)).findElements(By.cssSelector(".badge.channel-email")).size(), "marked as e-mail");
    assertTrue(driver.findElement(page.chatItem(chat)).findElements(By.cssSelector(".badge.channel-email")).isEmpty(), "the chat is not");
    page.select(email);
    page.waitForMessage("Lieferung\n\nWo ist mein Paket?");
    assertTrue(driver.findElement(By.id("chat-meta")).getText().contains(CUSTOMER));
    assertTrue(driver.findElements(By.cssSelector("#message-log img, #message-log script, #message-log b")).isEmpty());
    assertFalse(driver.getTitle().contains("pwned"));
    driver.findElement(By.id("mails-button")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mails-dialog")));
    assertEquals("Wo ist mein Paket?", driver.findElement(By.cssSelector("#mails-list pre")).getText(), "the mail as it came, as text");
    driver.findElement(By.id("mails-close")).click();

    page.reply("Es kommt morgen.");
    page.waitForMessage("Es kommt morgen.");
    assertTrue(mail.mail.waitForIncomingEmail(15_000, 2));
    MimeMessage answer = mail.customerMails().get(0);
    assertEquals("Re: Lieferung", answer.getSubject());
    assertTrue(GreenMailUtil.getBody(answer).contains("Es kommt morgen."));
  }

  @Test
  void aLeftMessageIsAnsweredByEmailFromTheHistory() throws Exception {
    mail.connect(node);
    BridgeClient bus = node.bridge();
    buses.add(bus);
    Person visitor = node.newVisitor();
    await(bus.request("visitor.leaveMessage", visitor.token(), new JsonObject().put("name", "Eva Muster")
        .put("email", CUSTOMER).put("text", "Haben Sie Größe 42?").put("clientMsgId", "left-1")));
    DashboardPage.createAgent(node, "Anna", ANNA_EMAIL, 3);
    page.open().signIn(ANNA_EMAIL, ANNA_PASSWORD);

    page.showView("history");
    driver.findElement(By.id("history-offline")).click();
    By items = By.cssSelector("#history-list .chat-item");
    page.wait.until(d -> d.findElements(items).size() == 1);
    driver.findElements(items).get(0).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-answer")));
    assertTrue(driver.findElement(By.id("email-answer-to")).getText().contains(CUSTOMER));
    driver.findElement(By.id("email-answer-text")).sendKeys("Ja, Größe 42 ist da.");
    driver.findElement(By.id("email-answer-send")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("email-answer-result"), "class", "ok"));
    page.wait.until(d -> d.findElements(By.cssSelector("#transcript-log .message")).size() == 2);

    assertTrue(mail.mail.waitForIncomingEmail(15_000, 1));
    assertTrue(GreenMailUtil.getBody(mail.customerMails().get(0)).contains("42 ist da"));
  }
}
