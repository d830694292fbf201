package org.plauder.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.plauder.Browser;
import org.plauder.TestNode;
import org.plauder.store.Reactive;

/**
 * The report's period in the agent's language, not the browser's date picker's: German agents
 * read and type 01.11.2026, English ones 2026-11-01; the server still gets ISO times. Two closed
 * chats of the site, on 20 October and 10 November 2026, show which period the report covers.
 */
class DashboardReportDatesTest extends DashboardBrowserTest {

  /** The dashboard's own parsing and formatting, asked in the page: what a date field makes of a text, and the reverse. */
  private static final String PARSE = """
      const done = arguments[arguments.length - 1];
      import('/dashboard/js/dates.js').then((dates) => {
        const typed = {};
        for (const [text, format] of arguments[0]) typed[format + ' ' + text] = dates.dateFieldValue(text, format);
        done({ typed, shownDe: dates.dateFieldText('2026-11-01', 'DD.MM.YYYY'), shownEn: dates.dateFieldText('2026-11-01', 'YYYY-MM-DD') });
      }, (error) => done({ error: String(error) }));
      """;

  @BeforeEach
  void twoClosedChats() {
    closedChat("oct", "2026-10-20T12:00:00Z");
    closedChat("nov", "2026-11-10T12:00:00Z");
  }

  @Test
  void aGermanAgentReadsAndTypesGermanDatesAndTheReportStartsOnTheDayTyped() {
    browserInGerman();
    openReports();

    // the last seven days, as Germans write them, and the same as the period the report names
    String from = field("report-from").getDomProperty("value");
    String to = field("report-to").getDomProperty("value");
    assertTrue(from.matches("\\d{2}\\.\\d{2}\\.\\d{4}") && to.matches("\\d{2}\\.\\d{2}\\.\\d{4}"), from + " – " + to);
    page.wait.until(ExpectedConditions.textToBe(By.id("report-period"), from + " – " + to));
    assertEquals("TT.MM.JJJJ", field("report-from").getDomAttribute("placeholder"));
    assertEquals("Datum als TT.MM.JJJJ; ↑ und ↓ ändern den Tag.", text("report-date-hint"));
    assertEquals("report-date-hint", field("report-from").getDomAttribute("aria-describedby"));
    assertEquals("Von", driver.findElement(By.cssSelector("label[for='report-from']")).getText());

    show("01.11.2026", "30.11.2026");
    assertEquals("01.11.2026 – 30.11.2026", text("report-period"));
    assertEquals("1", text("figure-chats"), "only the chat of 10 November");
    show("15.10.2026", "30.11.2026");
    assertEquals("2", text("figure-chats"), "from 15 October: both");

    // the arrow keys move the typed day, as a date picker does
    field("report-from").sendKeys(Keys.ARROW_UP);
    assertEquals("16.10.2026", field("report-from").getDomProperty("value"));
    field("report-from").sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertEquals("14.10.2026", field("report-from").getDomProperty("value"));

    // no date: said in German, the field marked and focused, the report left as it was
    type("report-from", "31.02.2026");
    field("report-from").sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-error")));
    assertEquals("„Von“ ist kein Datum: schreibe es als TT.MM.JJJJ.", text("report-error"));
    assertEquals("true", field("report-from").getDomAttribute("aria-invalid"));
    assertEquals("report-from", driver.switchTo().activeElement().getDomAttribute("id"));
    assertEquals("15.10.2026 – 30.11.2026", text("report-period"));
    assertEquals("2", text("figure-chats"));

    show("1.11.2026", "30.11.2026"); // one digit for the day is a date too, shown as it was read
    assertEquals("01.11.2026", field("report-from").getDomProperty("value"));
    assertFalse(driver.findElement(By.id("report-error")).isDisplayed());
    assertEquals(null, field("report-from").getDomAttribute("aria-invalid"));
    assertEquals("01.11.2026 – 30.11.2026", text("report-period"));

    // on a phone
    driver.manage().window().setSize(new Dimension(360, 800));
    assertEquals(Boolean.TRUE, driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"));
    assertTrue(field("report-from").isDisplayed() && field("report-to").isDisplayed());
    Browser.screenshot(driver, "dashboard-de-report-dates-360");
  }

  @Test
  void anEnglishAgentReadsAndTypesTheEnglishFormatAndTheServerGetsTheSamePeriod() {
    openReports();
    String from = field("report-from").getDomProperty("value");
    assertTrue(from.matches("\\d{4}-\\d{2}-\\d{2}"), from);
    assertEquals("YYYY-MM-DD", field("report-from").getDomAttribute("placeholder"));
    assertEquals("Dates as YYYY-MM-DD; ↑ and ↓ change the day.", text("report-date-hint"));

    show("2026-11-01", "2026-11-30");
    assertEquals("1", text("figure-chats"), "only the chat of 10 November");
    assertTrue(text("report-period").matches("Nov 1, 2026 – Nov 30, 2026|1 Nov 2026 – 30 Nov 2026"), text("report-period"));

    type("report-from", "01.11.2026");
    field("report-from").sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-error")));
    assertEquals("\"From\" is not a date: write it as YYYY-MM-DD.", text("report-error"));
    assertEquals("1", text("figure-chats"), "the report is left as it was");

    // what the page makes of typed dates, in either language's format
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = (Map<String, Object>) driver.executeAsyncScript(PARSE, List.of(
        List.of("01.11.2026", "DD.MM.YYYY"), List.of("1.11.2026", "DD.MM.YYYY"), List.of("2026-11-01", "DD.MM.YYYY"),
        List.of("31.02.2026", "DD.MM.YYYY"), List.of("11/01/2026", "DD.MM.YYYY"), List.of("01.11.26", "DD.MM.YYYY"),
        List.of("29.02.2028", "DD.MM.YYYY"), List.of("", "DD.MM.YYYY"), List.of("2026-11-01", "YYYY-MM-DD"),
        List.of("01.11.2026", "YYYY-MM-DD")));
    assertEquals(null, parsed.get("error"));
    Map<String, Object> typed = new java.util.HashMap<>();
    typed.put("DD.MM.YYYY 01.11.2026", "2026-11-01");
    typed.put("DD.MM.YYYY 1.11.2026", "2026-11-01");
    typed.put("DD.MM.YYYY 2026-11-01", "2026-11-01");
    typed.put("DD.MM.YYYY 31.02.2026", null);
    typed.put("DD.MM.YYYY 11/01/2026", null);
    typed.put("DD.MM.YYYY 01.11.26", null);
    typed.put("DD.MM.YYYY 29.02.2028", "2028-02-29");
    typed.put("DD.MM.YYYY ", "");
    typed.put("YYYY-MM-DD 2026-11-01", "2026-11-01");
    typed.put("YYYY-MM-DD 01.11.2026", null);
    assertEquals(typed, parsed.get("typed"));
    assertEquals("01.11.2026", parsed.get("shownDe"));
    assertEquals("2026-11-01", parsed.get("shownEn"));
  }

  /** A chat of the site that started and ended at {@code at}, as a closed conversation is stored. */
  private void closedChat(String id, String at) {
    Date time = Date.from(Instant.parse(at));
    await(Reactive.done(node.server.services().database().conversations().insertOne(new Document("_id", "seeded-" + id)
        .append("siteKey", "demo").append("visitorId", "v-" + id).append("agentId", null).append("agentName", null)
        .append("status", "closed").append("queueTicket", 1L).append("createdAt", time).append("assignedAt", null)
        .append("firstAgentReplyAt", null).append("closedAt", time).append("closedBy", "visitor").append("lastSeq", 0L)
        .append("rating", null).append("channel", "chat"))));
  }

  private void openReports() {
    page.open().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    page.showView("reports");
    page.wait.until(d -> !text("report-period").isEmpty());
  }

  /** Types the period into the two fields and presses Enter; waits for the report (it names its period with its figures). */
  private void show(String from, String to) {
    driver.executeScript("document.getElementById('report-period').textContent = ''");
    type("report-from", from);
    type("report-to", to);
    field("report-to").sendKeys(Keys.ENTER);
    page.wait.until(d -> !text("report-period").isEmpty());
  }

  private void type(String id, String value) {
    field(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    field(id).sendKeys(value);
  }

  private WebElement field(String id) {
    return driver.findElement(By.id(id));
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }
}
