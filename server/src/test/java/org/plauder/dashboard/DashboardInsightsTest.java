package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.plauder.Browser;
import org.plauder.BridgeClient;
import org.plauder.TestNode;
import org.plauder.TestNode.Person;
import org.plauder.protocol.LiveVisitorsJson;

/**
 * The dashboard's insight views in real headless Chromium against a real node: the visitor panel,
 * history search with filters and transcripts, reports, site settings and the bulk export.
 */
class DashboardInsightsTest extends DashboardBrowserTest {

  private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36";
  private static final String BEA_EMAIL = "bea@shop.test";
  private static final String BEA_PASSWORD = "password-Bea";

  /** A visitor (or an agent) on its own bridge connection, registered on its inbox. */
  record Client(Person person, BridgeClient bus) {
    JsonObject request(String address, JsonObject body) {
      return await(bus.request(address, person.token(), body));
    }

    String requestChat(String name, String email, String text) {
      JsonObject body = new JsonObject().put("name", name).put("text", text).put("clientMsgId", "c-" + text.hashCode());
      if (email != null) {
        body.put("email", email);
      }
      return request("visitor.requestChat", body).getJsonObject("conversation").getString("id");
    }

    void pageView(String url, String title) {
      request("visitor.pageView", new JsonObject().put("url", url).put("title", title));
    }
  }

  Client connect(Person person, String inbox) {
    BridgeClient bus = node.bridge();
    buses.add(bus);
    bus.register(inbox + "." + person.id(), person.token());
    return new Client(person, bus);
  }

  /** A visitor minted the way the widget does it, from a browser with this User-Agent; `token` resumes an earlier one. */
  Person mintVisitor(String userAgent, String token) {
    HttpResponse<Buffer> response = await(node.http.post("/api/v1/sites/demo/visitors")
        .putHeader("Origin", node.origin())
        .putHeader("User-Agent", userAgent)
        .sendJsonObject(token == null ? new JsonObject() : new JsonObject().put("token", token)));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject body = response.bodyAsJsonObject();
    return new Person(body.getString("visitorId"), body.getString("token"));
  }

  Client onlineAgent(Person agent) {
    Client client = connect(agent, "agent");
    client.request("agent.status", new JsonObject().put("status", "online"));
    return client;
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** The page's text; empty while the new tab still swaps its first blank document for the page (its body is gone then). */
  private static String bodyText(WebDriver d) {
    try {
      return d.findElement(By.tagName("body")).getText();
    } catch (WebDriverException stillLoading) {
      return "";
    }
  }

  void setDate(String inputId, LocalDate date) {
    driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", inputId, date == null ? "" : date.toString());
  }

  @Test
  void visitorPanelShowsWhoAndWhereAndOpensAnEarlierTranscript() {
    Person admin = node.loginAdmin();
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.setStatus("online");
    Client adminBus = connect(admin, "agent");

    // an earlier visit with a chat that the admin closed
    Person first = mintVisitor(ANDROID_CHROME, null);
    Client eva = connect(first, "visitor");
    eva.pageView("https://shop.example/", "Startseite");
    String earlier = eva.requestChat("Eva", "eva@example.org", "Wo ist Rechnung 4711?");
    page.waitForChatCount(1);
    adminBus.request("agent.close", new JsonObject().put("conversationId", earlier));
    page.waitForChatCount(0);

    // she comes back an hour later (same visitor, a fresh token), looks at two pages and asks again
    clock.skip(Duration.ofHours(1));
    Person again = mintVisitor(ANDROID_CHROME, first.token());
    assertEquals(first.id(), again.id());
    Client evaAgain = connect(again, "visitor");
    evaAgain.pageView("https://shop.example/produkte/blau", "Blaues Hemd");
    evaAgain.pageView("javascript:alert(1)", "Kasse <b>jetzt</b>");
    String current = evaAgain.requestChat("Eva", null, "Kann ich per Rechnung zahlen?");
    page.waitForChatCount(1);
    page.waitForMessage("Kann ich per Rechnung zahlen?");

    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visitor-facts")));
    WebElement facts = driver.findElement(By.id("visitor-facts"));
    // on the site from the panel's first showing: its record says so, before any push about visitors online need come
    assertEquals("on the site", facts.findElement(By.cssSelector(".visitor-presence")).getText());
    assertEquals("Eva", facts.findElement(By.cssSelector(".visitor-name")).getText());
    assertEquals("eva@example.org", facts.findElement(By.cssSelector(".visitor-email")).getText());
    assertEquals("Chrome 120 · Android phone", facts.findElement(By.cssSelector(".visitor-device")).getText());
    assertEquals("returning — visit 2", facts.findElement(By.cssSelector(".visitor-visits")).getText());
    WebElement currentPage = driver.findElement(By.id("visitor-current-page"));
    assertEquals("Kasse <b>jetzt</b>", currentPage.findElement(By.cssSelector(".page-title")).getText());
    // not an http(s) address: shown as text, never a link
    assertTrue(currentPage.findElements(By.tagName("a")).isEmpty());
    assertEquals("javascript:alert(1)", currentPage.findElement(By.cssSelector(".page-url")).getText());
    page.wait.until(d -> currentPage.findElement(By.cssSelector(".on-page")).getText().matches("on this page for \\d+:\\d\\d"));
    List<WebElement> pages = driver.findElements(By.cssSelector("#visitor-pages li"));
    assertEquals(3, pages.size());
    WebElement link = pages.get(1).findElement(By.tagName("a"));
    assertEquals("https://shop.example/produkte/blau", link.getDomAttribute("href"));
    assertEquals("noopener noreferrer", link.getDomAttribute("rel"));
    assertTrue(driver.findElements(By.cssSelector("main b")).isEmpty(), "a page title must not become markup");

    // the earlier conversation (not the open one) and its transcript
    List<WebElement> conversations = driver.findElements(By.cssSelector("#visitor-conversations li"));
    assertEquals(1, conversations.size());
    assertEquals(earlier, conversations.get(0).getDomAttribute("data-conversation-id"));
    Browser.screenshot(driver, "dashboard-visitor-panel");
    conversations.get(0).findElement(By.tagName("button")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript-dialog")));
    page.wait.until(d -> d.findElements(By.cssSelector("#dialog-transcript-log .message-text")).stream()
        .anyMatch(m -> m.getText().equals("Wo ist Rechnung 4711?")));
    assertEquals("Eva", text("dialog-transcript-title"));
    Browser.screenshot(driver, "dashboard-visitor-transcript");
    driver.findElement(By.id("transcript-dialog-close")).click();
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("transcript-dialog")));

    // the panel folds away and comes back
    driver.findElement(By.id("visitor-toggle")).click();
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("visitor-facts")));
    assertEquals("false", driver.findElement(By.id("visitor-toggle")).getDomAttribute("aria-expanded"));
    driver.findElement(By.id("visitor-toggle")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visitor-facts")));

    // she is on the site now, as the live-visitors list knows it; when her tabs close, she is not
    By presence = By.cssSelector("#visitor-facts .visitor-presence");
    page.wait.until(d -> d.findElement(presence).getText().equals("on the site"));
    eva.bus().close();
    evaAgain.bus().close();
    page.wait.until(d -> d.findElement(presence).getText().equals("not on the site"));

    // an admin erases her: the dialog says what goes, the open chat ends, the data is gone
    driver.findElement(By.id("erase-visitor")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erase-dialog")));
    assertTrue(text("erase-title").contains("Eva"));
    assertTrue(text("erase-what").contains("2 conversations"), text("erase-what"));
    driver.findElement(By.id("erase-confirm")).click();
    page.waitForChatCount(0);
    // the server ends the chat before it deletes, so the deletion may still be under way here
    page.wait.until(d -> await(node.http.get("/api/v1/visitors/" + first.id()).bearerTokenAuthentication(admin.token()).send())
        .statusCode() == 404);
    assertEquals(404, await(node.http.get("/api/v1/conversations/" + earlier + "/transcript")
        .bearerTokenAuthentication(admin.token()).send()).statusCode());
    assertFalse(current.isEmpty());

    // the User-Agent reading on its own, for browsers and devices the test cannot be
    @SuppressWarnings("unchecked")
    List<String> described = (List<String>) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const uas = arguments[0];
        Promise.all([import('/dashboard/js/useragent.js'), import('/dashboard/js/strings.js')])
          .then(([ua, strings]) => done(uas.map((u) => ua.describeUserAgent(u, strings.t))));
        """, List.of(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/119.0.6045.169 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
            "Googlebot/2.1 (+http://www.google.com/bot.html)",
            ""));
    assertEquals(List.of("Safari 17 · iPhone", "Chrome 119 · iPad", "Edge 120 · Windows computer", "Firefox 121 · Linux computer",
        "Samsung Internet 23 · Android tablet", "Safari 17 · macOS computer", "Bot or script", "Unknown browser · unknown device"),
        described);
  }

  @Test
  void historySearchFindsAMessageOpensItsTranscriptAndFiltersByDateAndAgent() {
    DashboardPage.createAgent(node, "Bea", BEA_EMAIL, 3);
    Person bea = node.login(BEA_EMAIL, BEA_PASSWORD);
    Client beaBus = onlineAgent(bea);
    Client visitor = connect(mintVisitor(ANDROID_CHROME, null), "visitor");
    String chat = visitor.requestChat("Max", null, "Die Paketnummer 99812 ist unbekannt");
    beaBus.request("agent.send", new JsonObject().put("conversationId", chat).put("text", "Ich schaue nach.").put("clientMsgId", "b-1"));
    beaBus.request("agent.close", new JsonObject().put("conversationId", chat));
    Client other = connect(mintVisitor(ANDROID_CHROME, null), "visitor");
    String otherChat = other.requestChat("Ida", null, "Gibt es Gutscheine?");
    beaBus.request("agent.close", new JsonObject().put("conversationId", otherChat));
    beaBus.request("agent.status", new JsonObject().put("status", "offline"));

    page.open().signIn(BEA_EMAIL, BEA_PASSWORD);
    // an agent sees neither reports nor admin, not even by shortcut
    assertFalse(driver.findElement(By.id("tab-reports")).isDisplayed());
    assertFalse(driver.findElement(By.id("tab-admin")).isDisplayed());
    driver.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "4"));
    driver.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "3"));
    assertFalse(driver.findElement(By.id("reports-view")).isDisplayed());
    assertFalse(driver.findElement(By.id("admin-view")).isDisplayed());

    page.showView("history");
    By items = By.cssSelector("#history-list .chat-item");
    page.wait.until(d -> d.findElements(items).size() == 2);

    // text search: while the server searches (held here), the line under the filters says so
    driver.executeScript("""
        window.realFetch = window.fetch;
        window.fetch = (url, init) => String(url).startsWith('/api/v1/messages?')
          ? new Promise((resolve) => { window.releaseSearch = () => resolve(window.realFetch(url, init)); })
          : window.realFetch(url, init);
        """);
    driver.findElement(By.id("history-q")).sendKeys("paketnummer 99812");
    driver.findElement(By.id("history-search")).click();
    page.wait.until(d -> text("history-count").equals("Searching the messages…"));
    assertEquals("true", driver.findElement(By.id("history-list")).getDomAttribute("aria-busy"));
    assertEquals(2, driver.findElements(items).size(), "the list stays until the answer comes");
    driver.executeScript("window.fetch = window.realFetch; window.releaseSearch();");
    // then one hit, marked, its transcript opens at the message
    page.wait.until(d -> d.findElements(items).size() == 1
        && chat.equals(d.findElements(items).get(0).getDomAttribute("data-conversation-id")));
    assertEquals("Paketnummer 99812", driver.findElement(By.cssSelector("#history-list mark")).getText());
    assertEquals("1 found", text("history-count"));
    assertNull(driver.findElement(By.id("history-list")).getDomAttribute("aria-busy"));
    driver.findElements(items).get(0).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transcript-log .message.hit")));
    assertEquals("Die Paketnummer 99812 ist unbekannt", driver.findElement(By.cssSelector("#transcript-log .message.hit .message-text")).getText());
    assertEquals(2, driver.findElements(By.cssSelector("#transcript-log .message")).size());
    assertEquals(5, driver.findElements(By.cssSelector("#transcript-downloads button")).size(), "JSON, CSV, CSV (Excel), TXT, printable");
    assertEquals("CSV (Excel)", driver.findElement(By.cssSelector("#transcript-downloads button[data-format='csv-excel']")).getText());

    // the download buttons' fetch: with the agent's token, as CSV
    Object csv = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const token = JSON.parse(sessionStorage.getItem('plauder.dashboard.session')).token;
        import('/dashboard/js/download.js')
          .then((m) => m.fetchFile('/api/v1/conversations/' + arguments[0] + '/transcript?format=csv', token, 'x.csv'))
          .then((file) => file.blob.text().then((text) => done(file.name + '\\n' + text)))
          .catch((e) => done('failed ' + e.code));
        """, chat);
    // saved under a name people recognise: site, day, visitor
    assertTrue(csv.toString().matches("(?s)demo-\\d{4}-\\d\\d-\\d\\d[a-z0-9-]*\\.csv\nconversationId,seq,time,sender,senderName,text.*"), csv.toString());
    assertTrue(csv.toString().contains("Die Paketnummer 99812 ist unbekannt"));

    // the printable page opens in a tab of its own, the visitor's text as text
    String dashboardTab = driver.getWindowHandle();
    driver.findElement(By.cssSelector("#transcript-downloads button[data-format='html']")).click();
    page.wait.until(d -> d.getWindowHandles().size() == 2);
    driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(dashboardTab)).findFirst().orElseThrow());
    page.wait.until(d -> bodyText(d).contains("Die Paketnummer 99812 ist unbekannt"));
    // its inline styles are refused under the dashboard's policy; our copy of them applies
    page.wait.until(d -> "600".equals(driver.executeScript("return getComputedStyle(document.querySelector('.who')).fontWeight")));
    driver.close();
    driver.switchTo().window(dashboardTab);

    // a date range that ends yesterday excludes today's chat, with text and without
    setDate("history-to", LocalDate.now().minusDays(1));
    driver.findElement(By.id("history-search")).click();
    page.wait.until(d -> d.findElements(items).isEmpty() && d.findElement(By.id("history-empty")).isDisplayed());
    driver.findElement(By.id("history-q")).clear();
    driver.findElement(By.id("history-search")).click();
    page.wait.until(d -> text("history-count").equals("0 found"));
    assertTrue(driver.findElements(items).isEmpty());

    // from today on, filtered by agent: both of Bea's chats; another agent had none
    setDate("history-to", null);
    setDate("history-from", LocalDate.now());
    new Select(driver.findElement(By.id("history-agent"))).selectByVisibleText("Bea");
    driver.findElement(By.id("history-search")).click();
    page.wait.until(d -> text("history-count").equals("2 found") && d.findElements(items).size() == 2);
    new Select(driver.findElement(By.id("history-agent"))).selectByVisibleText("Admin");
    driver.findElement(By.id("history-search")).click();
    page.wait.until(d -> text("history-count").equals("0 found") && d.findElements(items).isEmpty());
  }

  @Test
  void adminReadsTheReportAndChangesSiteSettings() {
    Person bea = node.createAgent("Bea", 3);
    Client beaBus = onlineAgent(bea);
    for (int i = 1; i <= 3; i++) {
      Client visitor = connect(mintVisitor(ANDROID_CHROME, null), "visitor");
      String chat = visitor.requestChat("Kunde " + i, null, "Frage " + i);
      if (i < 3) { // the third one is never answered: missed
        beaBus.request("agent.send", new JsonObject().put("conversationId", chat).put("text", "Antwort " + i).put("clientMsgId", "a-" + i));
      }
      beaBus.request("agent.close", new JsonObject().put("conversationId", chat));
    }

    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("reports");
    page.wait.until(d -> text("figure-chats").equals("3"));
    assertEquals("1", text("figure-missed"));
    assertEquals("0", text("figure-offlineMessages"));
    assertEquals("–", text("figure-ratingAverage"));
    By beaRow = By.cssSelector("#report-agents tr[data-agent-id='" + bea.id() + "']");
    assertEquals("Bea", driver.findElement(beaRow).findElement(By.tagName("th")).getText());
    assertEquals("3", driver.findElement(beaRow).findElement(By.cssSelector("td[data-figure='chats']")).getText());
    assertEquals("1", driver.findElement(beaRow).findElement(By.cssSelector("td[data-figure='missed']")).getText());
    // the chart: one group for Bea, bars for chats and missed, labelled axes
    assertEquals(2, driver.findElements(By.cssSelector("#chart-chats .bars rect.bar")).size());
    assertTrue(driver.findElements(By.cssSelector("#chart-chats .category")).stream().anyMatch(c -> c.getText().equals("Bea")));
    assertTrue(driver.findElements(By.cssSelector("#chart-times .axis-label")).stream().anyMatch(l -> l.getText().startsWith("Time (")));
    Browser.screenshot(driver, "dashboard-reports");
    driver.executeScript("document.getElementById('chart-chats').scrollIntoView()");
    Browser.screenshot(driver, "dashboard-reports-charts");

    // a period before today has no chats
    setDate("report-from", LocalDate.now().minusDays(10));
    setDate("report-to", LocalDate.now().minusDays(3));
    driver.findElement(By.id("report-show")).click();
    page.wait.until(d -> text("figure-chats").equals("0"));
    assertEquals("–", text("figure-waitMedianSeconds"));
    assertTrue(driver.findElement(By.id("report-no-agents")).isDisplayed());

    // site settings: retention and languages saved, still there after a reload
    page.showView("admin");
    page.wait.until(d -> !d.findElement(By.id("site-max-chats")).getDomProperty("value").isEmpty());
    WebElement retention = driver.findElement(By.id("site-retention"));
    retention.clear();
    retention.sendKeys("30");
    assertEquals("90", driver.findElement(By.id("site-reassign")).getDomProperty("value"));
    WebElement reassign = driver.findElement(By.id("site-reassign"));
    reassign.clear();
    reassign.sendKeys("45"); // an unanswered chat moves after 45 s
    driver.findElement(By.id("site-lang-de")).click(); // the widget speaks English only
    driver.findElement(By.id("site-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "ok"));
    driver.navigate().refresh();
    page.wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "open"));
    page.showView("admin");
    page.wait.until(d -> "30".equals(d.findElement(By.id("site-retention")).getDomProperty("value")));
    JsonObject site = await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertEquals(30, site.getInteger("retentionDays"));
    assertEquals(45, site.getInteger("reassignAfterSeconds"));
    assertEquals("45", driver.findElement(By.id("site-reassign")).getDomProperty("value"));
    assertEquals(List.of("en"), site.getJsonArray("languages").getList());
    assertFalse(driver.findElement(By.id("site-lang-de")).isSelected());
    assertTrue(driver.findElement(By.id("site-lang-en")).isSelected());

    // an invalid origin: the server's message is shown and nothing changes
    WebElement origins = driver.findElement(By.id("site-origins"));
    origins.sendKeys(Keys.END, "\nnicht gültig/", Keys.TAB);
    driver.findElement(By.id("site-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "error"));
    assertTrue(text("site-result").contains("each allowed origin is scheme://host[:port] or a bare host name"), text("site-result"));
    JsonObject unchanged = await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertEquals(site.getJsonArray("allowedOrigins"), unchanged.getJsonArray("allowedOrigins"));

    // emptied retention means forever
    retention = driver.findElement(By.id("site-retention"));
    origins.clear();
    origins.sendKeys(String.join("\n", site.getJsonArray("allowedOrigins").getList()));
    retention.clear();
    driver.findElement(By.id("site-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("site-result"), "class", "ok"));
    JsonObject forever = await(node.http.get("/api/v1/site").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    assertTrue(forever.containsKey("retentionDays") && forever.getValue("retentionDays") == null);

    // the bulk export of the last 30 days arrives as a file
    new Select(driver.findElement(By.id("export-format"))).selectByValue("csv");
    driver.findElement(By.id("export-download")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("export-result"), "class", "ok"));
    assertTrue(text("export-result").startsWith("Downloaded"), text("export-result"));

    // a proactive offer rule: a wrong language code is refused with the server's words, then saved
    assertTrue(driver.findElement(By.id("offers-empty")).isDisplayed());
    driver.findElement(By.id("offers-add")).click();
    By rule = By.cssSelector("#offers-list fieldset.offer-rule");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(rule));
    WebElement editor = driver.findElement(rule);
    editor.findElement(By.cssSelector("[data-key='name']")).sendKeys("Hilfe an der Kasse");
    WebElement onPage = editor.findElement(By.cssSelector("[data-key='minSecondsOnPage']"));
    onPage.clear();
    onPage.sendKeys("1");
    editor.findElement(By.cssSelector("[data-key='urlPattern']")).sendKeys("/checkout*");
    editor.findElement(By.cssSelector("[data-key='language']")).sendKeys("D1");
    editor.findElement(By.cssSelector("[data-message='de']")).sendKeys("Brauchen Sie Hilfe beim Bezahlen?");
    driver.findElement(By.id("offers-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("offers-result"), "class", "error"));
    assertTrue(text("offers-result").contains("language must be a two-letter code"), text("offers-result"));
    WebElement language = driver.findElement(rule).findElement(By.cssSelector("[data-key='language']"));
    language.clear();
    driver.findElement(By.id("offers-save")).click();
    page.wait.until(ExpectedConditions.attributeToBe(By.id("offers-result"), "class", "ok"));
    JsonObject rules = await(node.http.get("/api/v1/offer-rules").bearerTokenAuthentication(node.loginAdmin().token()).send()).bodyAsJsonObject();
    JsonObject saved = rules.getJsonArray("rules").getJsonObject(0);
    assertEquals("Hilfe an der Kasse", saved.getString("name"));
    assertEquals("/checkout*", saved.getString("urlPattern"));
    assertEquals(1, saved.getInteger("minSecondsOnPage"));
    assertEquals("Brauchen Sie Hilfe beim Bezahlen?", saved.getJsonObject("messages").getString("de"));

    // the rule works: a visitor at the checkout gets the offer, and the editor counts it
    Client shopper = connect(mintVisitor(ANDROID_CHROME, null), "visitor");
    shopper.pageView("https://shop.example/checkout/step1", "Kasse");
    JsonObject offer = await(shopper.bus().push("offer")).getJsonObject("offer");
    assertEquals("Brauchen Sie Hilfe beim Bezahlen?", offer.getString("text"));
    shopper.request("visitor.offerSeen", new JsonObject().put("offerId", offer.getString("id"))); // as the widget says once it shows it
    // the count may be stored just after the push: open the view again until it shows
    page.wait.until(d -> {
      page.showView("chats");
      page.showView("admin");
      return d.findElement(rule).findElement(By.cssSelector(".offer-stats")).getText().startsWith("shown 1");
    });
    // and the report counts it
    page.showView("reports");
    setDate("report-from", LocalDate.now());
    setDate("report-to", LocalDate.now());
    driver.findElement(By.id("report-show")).click();
    page.wait.until(d -> text("figure-offersShown").equals("1"));
    driver.executeScript("document.getElementById('offers-title').scrollIntoView()");
    Browser.screenshot(driver, "dashboard-offer-rules");
  }

  @Test
  void liveVisitorsShowWhoIsOnTheSiteAndAnAgentInvitesOne() {
    DashboardPage.createAgent(node, "Bea", BEA_EMAIL, 3);
    page.open().signIn(BEA_EMAIL, BEA_PASSWORD);
    page.setStatus("online");
    Person first = mintVisitor(ANDROID_CHROME, null);
    // a reload is the same visit; coming back after an hour is the next one
    assertEquals(first.id(), mintVisitor(ANDROID_CHROME, first.token()).id());
    clock.skip(Duration.ofHours(1)); // before the view opens: its watch lasts a minute on the node's clock
    page.showView("visitors");
    assertTrue(driver.findElement(By.id("live-empty")).isDisplayed());

    Client newcomer = connect(mintVisitor(ANDROID_CHROME, null), "visitor");
    newcomer.pageView("https://shop.example/", "Startseite");
    newcomer.pageView("https://shop.example/kasse", "Kasse");
    Client regular = connect(mintVisitor(ANDROID_CHROME, first.token()), "visitor");
    regular.pageView("https://shop.example/blog", "Blog");

    // both arrive as pushes, the latest page first
    By rows = By.cssSelector("#live-list .live-item");
    page.wait.until(d -> d.findElements(rows).size() == 2);
    assertEquals("2", text("live-count"));
    By newcomerRow = By.cssSelector("#live-list .live-item[data-visitor-id='" + newcomer.person().id() + "']");
    // the newcomer's second page may arrive a push after its row
    page.wait.until(d -> "Kasse".equals(d.findElement(newcomerRow).findElement(By.cssSelector(".page-title")).getText()));
    WebElement row = driver.findElement(newcomerRow);
    assertEquals("https://shop.example/kasse", row.findElement(By.cssSelector("a.page-url")).getDomAttribute("href"));
    assertEquals("new", row.findElement(By.cssSelector(".badge.new")).getText());
    assertEquals("2 pages seen", row.findElement(By.cssSelector(".live-pages")).getText());
    page.wait.until(d -> d.findElement(newcomerRow).findElement(By.cssSelector(".live-on-page")).getText().matches("on this page for \\d+:\\d\\d"));
    WebElement regularRow = driver.findElement(By.cssSelector("#live-list .live-item[data-visitor-id='" + first.id() + "']"));
    assertEquals("returning", regularRow.findElement(By.cssSelector(".badge.returning")).getText());
    Browser.screenshot(driver, "dashboard-live-visitors");

    // an invitation in Bea's words reaches the visitor; the row says it is open
    driver.findElement(newcomerRow).findElement(By.cssSelector("button.invite")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-dialog")));
    WebElement invitation = driver.findElement(By.id("invite-text"));
    invitation.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Fragen zur Kasse? Ich helfe gern.");
    driver.findElement(By.id("invite-send")).click();
    JsonObject offer = await(newcomer.bus().push("offer")).getJsonObject("offer");
    assertEquals("Fragen zur Kasse? Ich helfe gern.", offer.getString("text"));
    assertEquals("Bea", offer.getString("from"));
    page.wait.until(d -> !d.findElement(newcomerRow).findElements(By.cssSelector(".badge.offer-open")).isEmpty());

    // a visitor in a chat cannot be invited: the dialog says why
    regular.requestChat("Ria", null, "Ich habe eine Frage");
    // the row is drawn again with the name she gave (and that she now chats) before it is clicked
    By riaName = By.cssSelector("#live-list .live-item[data-visitor-id='" + first.id() + "'] .live-name");
    page.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> "Ria".equals(d.findElement(riaName).getText()));
    driver.findElement(By.cssSelector("#live-list .live-item[data-visitor-id='" + first.id() + "'] button.invite")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-dialog")));
    driver.findElement(By.id("invite-send")).click();
    page.wait.until(d -> text("invite-error").equals("This visitor is in a chat already."));
    driver.findElement(By.id("invite-cancel")).click();

    // the newcomer leaves: gone from the list once the grace period is over
    newcomer.bus().close();
    page.wait.until(d -> d.findElements(newcomerRow).isEmpty());
    assertEquals("1", text("live-count"));
  }

  @Test
  void aBigShopsLiveListShowsTheLatestVisitorsAndCountsThemAll() {
    DashboardPage.createAgent(node, "Bea", BEA_EMAIL, 3);
    page.open().signIn(BEA_EMAIL, BEA_PASSWORD);
    page.setStatus("online");
    int online = LiveVisitorsJson.IN_FULL + 3;
    List<Client> visitors = new ArrayList<>();
    for (int i = 0; i < online; i++) {
      Client visitor = connect(mintVisitor(ANDROID_CHROME, null), "visitor");
      visitor.pageView("https://shop.example/seite-" + i, "Seite " + i);
      visitors.add(visitor);
    }
    page.showView("visitors");
    By rows = By.cssSelector("#live-list .live-item");
    page.wait.until(d -> d.findElements(rows).size() == LiveVisitorsJson.IN_FULL);
    assertEquals(String.valueOf(online), text("live-count"), "the tab counts everyone on the site");
    assertEquals("The 100 most recently active of 103 visitors", text("live-more"));
    assertEquals(visitors.get(online - 1).person().id(), driver.findElements(rows).get(0).getDomAttribute("data-visitor-id"),
        "the latest page first");
    By firstVisitorRow = By.cssSelector("#live-list .live-item[data-visitor-id='" + visitors.get(0).person().id() + "']");
    assertTrue(driver.findElements(firstVisitorRow).isEmpty(), "known by id only: nothing to show");

    // the first visitor opens a page: now she is the latest, in full, and the list still shows 100
    visitors.get(0).pageView("https://shop.example/kasse", "Kasse");
    page.wait.until(d -> visitors.get(0).person().id().equals(d.findElements(rows).get(0).getDomAttribute("data-visitor-id")));
    assertEquals("Kasse", driver.findElement(firstVisitorRow).findElement(By.cssSelector(".page-title")).getText());
    assertEquals(LiveVisitorsJson.IN_FULL, driver.findElements(rows).size());
    assertEquals(String.valueOf(online), text("live-count"));

    // one of those known by id leaves: the count goes down, the list stays as it was
    visitors.get(1).bus().close();
    page.wait.until(d -> text("live-count").equals(String.valueOf(online - 1)));
    assertEquals("The 100 most recently active of 102 visitors", text("live-more"));
    assertEquals(LiveVisitorsJson.IN_FULL, driver.findElements(rows).size());
  }
}
