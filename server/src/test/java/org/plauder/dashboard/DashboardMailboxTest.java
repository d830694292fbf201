package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.Browser;
import org.plauder.TestMailServer;
import org.plauder.TestNode;
import org.plauder.TestNode.OnlineAgent;

/**
 * An admin connects the site's support mailbox in the dashboard, by keyboard, against a real mail
 * server (GreenMail): what is saved is what the page shows after a reload and what the REST API
 * says, the password never comes back, a mail to the saved address becomes a conversation, and a
 * bad value is refused in the page's language and changes nothing.
 */
class DashboardMailboxTest extends DashboardMailTest {

  private static final String[] FIELDS = {"mailbox-address", "mailbox-imap-host", "mailbox-imap-port", "mailbox-imap-security",
      "mailbox-smtp-host", "mailbox-smtp-port", "mailbox-smtp-security", "mailbox-username", "mailbox-password", "mailbox-poll"};

  @Test
  void anAdminConnectsTheMailboxByKeyboardAndAMailToItBecomesAConversation() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 3);
    assertFalse(mailbox().getBoolean("configured"), "no mailbox yet");
    openMailboxSettings();

    // from the checkbox on, every field is reached with Tab and filled by typing
    driver.executeScript("arguments[0].focus()", field("mailbox-enabled"));
    typeInto("mailbox-enabled", " ");
    typeInto("mailbox-address", TestMailServer.SUPPORT);
    typeInto("mailbox-imap-host", "127.0.0.1");
    typeInto("mailbox-imap-port", selectAll(), String.valueOf(mail.imapPort()));
    typeInto("mailbox-imap-security", "n"); // "none": a mail server in the test speaks without TLS
    typeInto("mailbox-smtp-host", "127.0.0.1");
    typeInto("mailbox-smtp-port", selectAll(), String.valueOf(mail.mail.getSmtp().getPort()));
    typeInto("mailbox-smtp-security", "n");
    typeInto("mailbox-username", TestMailServer.SUPPORT);
    typeInto("mailbox-password", TestMailServer.SUPPORT_PASSWORD);
    assertEquals("mailbox-poll", active());
    new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("1", Keys.ENTER).perform();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("mailbox-result"), "class", "ok"));
    assertEquals("Settings saved.", text("mailbox-result"));

    JsonObject saved = mailbox();
    assertEquals(new JsonObject().put("configured", true).put("enabled", true).put("address", TestMailServer.SUPPORT)
        .put("imapHost", "127.0.0.1").put("imapPort", mail.imapPort()).put("imapSecurity", "none")
        .put("smtpHost", "127.0.0.1").put("smtpPort", mail.mail.getSmtp().getPort()).put("smtpSecurity", "none")
        .put("username", TestMailServer.SUPPORT).put("passwordSet", true).put("pollSeconds", 1), saved);
    assertPasswordNowhere();

    reload();
    assertTrue(field("mailbox-enabled").isSelected());
    assertEquals(TestMailServer.SUPPORT, value("mailbox-address"));
    assertEquals(String.valueOf(mail.imapPort()), value("mailbox-imap-port"));
    assertEquals("none", value("mailbox-imap-security"));
    assertEquals("127.0.0.1", value("mailbox-smtp-host"));
    assertEquals("1", value("mailbox-poll"));
    assertEquals("", value("mailbox-password"), "the stored password is not shown");
    assertEquals("stored — leave empty to keep it", field("mailbox-password").getDomAttribute("placeholder"));
    assertPasswordNowhere();

    // saved again without typing the password: the stored one is kept, and the mailbox works with it
    field("mailbox-username").sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.attributeToBe(By.id("mailbox-result"), "class", "ok"));
    assertTrue(mailbox().getBoolean("passwordSet"));
    mail.customerWrites("Lieferung", "Wo ist mein Paket?", null);
    JsonObject assigned = await(anna.bus().push("assigned")).getJsonObject("conversation");
    assertEquals("email", assigned.getString("channel"), "the mail became an e-mail conversation: " + assigned);
  }

  @Test
  void aBadValueIsRefusedInGermanAndChangesNothing() {
    mail.connect(node);
    JsonObject before = mailbox();
    browserInGerman();
    openMailboxSettings();

    refused("mailbox-imap-port", "99999", "IMAP-Port: eine ganze Zahl von 1 bis 65535.");
    refused("mailbox-smtp-port", "0", "SMTP-Port: eine ganze Zahl von 1 bis 65535.");
    refused("mailbox-smtp-host", "", "SMTP-Server (ausgehend): bitte ausfüllen.");
    refused("mailbox-imap-host", "   ", "IMAP-Server (eingehend): bitte ausfüllen.");
    refused("mailbox-imap-host", "mail server.test",
        "IMAP-Server (eingehend): kein Servername (Buchstaben, Ziffern, Punkte und Bindestriche, etwa mail.example.com).");
    // the browser would take "support@shop"; the server would not, and neither does the form
    refused("mailbox-address", "support@shop", "Support-Adresse: keine E-Mail-Adresse (etwa support@example.com).");
    refused("mailbox-poll", "7200", "Spätestens prüfen alle (Sekunden): eine ganze Zahl von 1 bis 3600.");
    assertEquals(before, mailbox(), "nothing was saved");
    assertPasswordNowhere();

    // mended, it is saved, and the marks are gone
    reload();
    WebElement port = field("mailbox-imap-port");
    port.clear();
    port.sendKeys("99999");
    port.sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.attributeToBe(By.id("mailbox-result"), "class", "error"));
    port.clear();
    port.sendKeys(String.valueOf(mail.imapPort()));
    field("mailbox-poll").clear();
    field("mailbox-poll").sendKeys("30", Keys.ENTER);
    page.wait.until(ExpectedConditions.attributeToBe(By.id("mailbox-result"), "class", "ok"));
    assertEquals("Einstellungen gespeichert.", text("mailbox-result"));
    assertEquals(null, port.getDomAttribute("aria-invalid"));
    assertEquals(30, mailbox().getInteger("pollSeconds"));
    assertEquals(before.getInteger("imapPort"), mailbox().getInteger("imapPort"));
    assertTrue(mailbox().getBoolean("passwordSet"), "the stored password is kept");
  }

  @Test
  void theFormFitsAPhoneAndEveryFieldHasAName() {
    mail.connect(node);
    driver.manage().window().setSize(new Dimension(360, 800));
    openMailboxSettings();
    page.wait.until(d -> (Boolean) driver.executeScript("return window.innerWidth <= 360"));
    driver.executeScript("document.getElementById('mailbox-form').scrollIntoView()");
    assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
        "no scrolling sideways on a 360 px phone");
    for (String id : FIELDS) {
      WebElement f = field(id);
      assertTrue(f.getRect().getX() >= 0 && f.getRect().getX() + f.getRect().getWidth() <= 360, id + " within the screen: " + f.getRect());
    }
    assertTrue(field("mailbox-save").isDisplayed());
    Browser.screenshot(driver, "dashboard-mailbox-360");

    // each field says what it is, the two ports and the two encryptions apart
    List<String> names = java.util.Arrays.stream(FIELDS).map(this::accessibleName).toList();
    assertEquals(List.of("Support address", "IMAP server (incoming)", "IMAP port", "IMAP encryption", "SMTP server (outgoing)",
        "SMTP port", "SMTP encryption", "User name", "Password", "Check at least every (seconds)"), names);
  }

  /** Types {@code wrong} into the field, saves with Enter: the error in German, the field marked and focused, nothing saved. */
  private void refused(String id, String wrong, String message) {
    reload();
    JsonObject before = mailbox();
    WebElement f = field(id);
    f.clear();
    if (!wrong.isEmpty()) {
      f.sendKeys(wrong);
    }
    f.sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.attributeToBe(By.id("mailbox-result"), "class", "error"));
    assertEquals(message, text("mailbox-result"), "for '" + wrong + "' in " + id);
    assertEquals("true", f.getDomAttribute("aria-invalid"), id);
    assertEquals(id, active(), "the field to mend has the focus");
    assertEquals(before, mailbox(), "nothing saved for '" + wrong + "' in " + id);
  }

  private void openMailboxSettings() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("admin");
    waitUntilLoaded();
  }

  private void reload() {
    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.showView("admin");
    waitUntilLoaded();
  }

  /** The form says it is busy until the stored mailbox has been read into it. */
  private void waitUntilLoaded() {
    page.wait.until(d -> "false".equals(field("mailbox-form").getDomAttribute("aria-busy")));
  }

  /** Sends keys to the focused field, which must be {@code id}, then Tab to the next. */
  private void typeInto(String id, CharSequence... keys) {
    assertEquals(id, active(), "the Tab order");
    new Actions(driver).sendKeys(keys).sendKeys(Keys.TAB).perform();
  }

  private static String selectAll() {
    return Keys.chord(Keys.CONTROL, "a");
  }

  private String active() {
    return driver.switchTo().activeElement().getDomAttribute("id");
  }

  /** The name a screen reader says for the field: its label, else its aria-label. */
  private String accessibleName(String id) {
    return field(id).getAccessibleName().trim();
  }

  /** Neither the page (its markup and every field's value) nor the API gives the password back. */
  private void assertPasswordNowhere() {
    String secret = TestMailServer.SUPPORT_PASSWORD;
    assertFalse(((String) driver.executeScript("return document.documentElement.outerHTML")).contains(secret), "not in the page");
    assertFalse((Boolean) driver.executeScript("return [...document.querySelectorAll('input, textarea')].some(f => f.value.includes(arguments[0]))",
        secret), "not in any field");
    HttpResponse<Buffer> response = await(node.http.get("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token()).send());
    assertFalse(response.bodyAsString().contains(secret), "not from the API");
    assertFalse(response.bodyAsJsonObject().containsKey("password"));
  }

  private JsonObject mailbox() {
    return await(node.http.get("/api/v1/mailbox").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
  }

  private WebElement field(String id) {
    return driver.findElement(By.id(id));
  }

  private String value(String id) {
    return field(id).getDomProperty("value");
  }

  private String text(String id) {
    return field(id).getText();
  }
}
