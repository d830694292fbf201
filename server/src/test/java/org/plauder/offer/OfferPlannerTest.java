package org.plauder.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferPlannerTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final Duration COOLDOWN = Duration.ofMinutes(60);

  static OfferRule rule(String id, Integer onPage, Integer onSite, String url, Integer pages, Boolean returning, String lang) {
    return new OfferRule(id, id, true, onPage, onSite, url, pages, returning, lang, Map.of("de", "Hilfe?", "en", "Help?"));
  }

  /** On /kasse since T0+20 s, online since T0, 3 pages, new, German, nothing else going on. */
  static VisitorView visitor() {
    return new VisitorView("https://shop.example/kasse?step=2", T0.plusSeconds(20), T0, 3, false, "de", false, false, null, null);
  }

  static Optional<OfferPlanner.Due> due(VisitorView v, OfferRule... rules) {
    return OfferPlanner.nextDue(v, List.of(rules), COOLDOWN, T0.plusSeconds(25));
  }

  @Test
  void timeOnPageAndOnSiteSetWhenARuleIsDue() {
    assertEquals(T0.plusSeconds(50), due(visitor(), rule("page", 30, null, null, null, null, null)).orElseThrow().at());
    assertEquals(T0.plusSeconds(60), due(visitor(), rule("site", null, 60, null, null, null, null)).orElseThrow().at());
    assertEquals(T0.plusSeconds(60), due(visitor(), rule("both", 30, 60, null, null, null, null)).orElseThrow().at());
  }

  @Test
  void theEarliestMatchingRuleWins() {
    var due = due(visitor(), rule("late", 90, null, null, null, null, null), rule("early", 10, null, null, null, null, null));
    assertEquals("early", due.orElseThrow().rule().id());
  }

  @Test
  void urlPagesReturningAndLanguageMustAllHold() {
    assertTrue(due(visitor(), rule("u", 1, null, "/kasse*", null, null, null)).isPresent());
    assertTrue(due(visitor(), rule("u", 1, null, "/produkt*", null, null, null)).isEmpty());
    assertTrue(due(visitor(), rule("p", 1, null, null, 3, null, null)).isPresent());
    assertTrue(due(visitor(), rule("p", 1, null, null, 4, null, null)).isEmpty());
    assertTrue(due(visitor(), rule("r", 1, null, null, null, false, null)).isPresent());
    assertTrue(due(visitor(), rule("r", 1, null, null, null, true, null)).isEmpty());
    assertTrue(due(visitor(), rule("l", 1, null, null, null, null, "de")).isPresent());
    assertTrue(due(visitor(), rule("l", 1, null, null, null, null, "en")).isEmpty());
  }

  @Test
  void disabledRulesNeverFire() {
    OfferRule off = new OfferRule("off", "off", false, 1, null, null, null, null, null, Map.of("en", "x"));
    assertTrue(due(visitor(), off).isEmpty());
  }

  @Test
  void noOfferWhileChattingOrWithAnOfferOpen() {
    OfferRule r = rule("r", 1, null, null, null, null, null);
    VisitorView v = visitor();
    assertTrue(due(new VisitorView(v.url(), v.pageSince(), v.onlineSince(), 3, false, "de", true, false, null, null), r).isEmpty());
    assertTrue(due(new VisitorView(v.url(), v.pageSince(), v.onlineSince(), 3, false, "de", false, true, null, null), r).isEmpty());
  }

  @Test
  void atMostOneOfferPerCooldownAndADismissalIsRespected() {
    OfferRule r = rule("r", 1, null, null, null, null, null);
    VisitorView v = visitor();
    VisitorView shownRecently = new VisitorView(v.url(), v.pageSince(), v.onlineSince(), 3, false, "de", false, false,
        T0.minus(Duration.ofMinutes(59)), null);
    VisitorView shownLongAgo = new VisitorView(v.url(), v.pageSince(), v.onlineSince(), 3, false, "de", false, false,
        T0.minus(Duration.ofMinutes(61)), null);
    VisitorView dismissed = new VisitorView(v.url(), v.pageSince(), v.onlineSince(), 3, false, "de", false, false,
        null, T0.minusSeconds(5));
    assertTrue(due(shownRecently, r).isEmpty());
    assertTrue(due(shownLongAgo, r).isPresent());
    assertTrue(due(dismissed, r).isEmpty());
  }

  @Test
  void theOfferTextFollowsTheVisitorsLanguage() {
    OfferRule r = rule("r", 1, null, null, null, null, null);
    assertEquals("Hilfe?", r.messageFor("de"));
    assertEquals("Help?", r.messageFor("fr"));
    assertEquals("Help?", r.messageFor(null));
  }
}
