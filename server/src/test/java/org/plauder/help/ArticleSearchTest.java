package org.plauder.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How questions find articles: German and English analysis, weights, typos, drafts and versions. */
class ArticleSearchTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final ArticleIndex index = new ArticleIndex();

  private void put(String id, String lang, String title, String body, String... keywords) {
    index.put(new Article(id, "shop", lang, title, body, List.of(keywords), true, T0));
  }

  private List<String> ids(String question, String... languages) {
    return index.search("shop", question, List.of(languages), 5).stream().map(h -> h.article().id()).toList();
  }

  private String best(String question, String... languages) {
    List<String> ids = ids(question, languages);
    return ids.isEmpty() ? null : ids.get(0);
  }

  private void germanShop() {
    put("delivery", "de", "Unsere Lieferzeiten", "Pakete brauchen zwei bis drei Werktage.");
    put("hours", "de", "Öffnungszeiten", "Wir haben Montag bis Freitag geöffnet, samstags bis 14 Uhr.");
    put("returns", "de", "Rückgabe", "Sie können Ware innerhalb von 14 Tagen zurückgeben.");
    put("payment", "de", "Bezahlen", "Wir nehmen Kreditkarte, Rechnung und Überweisung.");
    put("sizes", "de", "Größentabelle", "So finden Sie die passende Größe für Ihre Füße.");
  }

  @Test
  void aGermanWordFindsItsPluralAndCompounds() {
    germanShop();
    assertEquals("delivery", best("Lieferzeit", "de"));
    assertEquals("delivery", best("lieferzeiten", "de"));
  }

  @Test
  void thePartsOfACompoundFindIt() {
    germanShop();
    // "Zeit" alone is in "Öffnungszeiten" too; the delivery article also holds "Liefer…".
    assertEquals("delivery", best("Zeit der Lieferung", "de"));
    assertEquals("delivery", best("Wie lange ist die Zeit bis zur Lieferung?", "de"));
  }

  @Test
  void umlautsAndSharpSFoldSoEverySpellingFindsTheSameArticle() {
    germanShop();
    assertEquals("returns", best("Rueckgabe", "de"));
    assertEquals("returns", best("rückgabe", "de"));
    assertEquals("sizes", best("Groesse", "de"));
    assertEquals("sizes", best("Grösse", "de"));
    assertEquals("hours", best("Oeffnungszeiten", "de"));
  }

  @Test
  void aTypoStillFindsTheArticle() {
    germanShop();
    assertEquals("payment", best("Kreditkate", "de"));
    assertEquals("returns", best("Rückgbe", "de"));
    put("subscription", "en", "Your subscription", "Pause or cancel it at any time.");
    put("shipping", "en", "Shipping", "We ship within two days.");
    assertEquals("subscription", best("subscripton", "en"));
  }

  @Test
  void englishWordsAreStemmed() {
    put("returns", "en", "Returns and refunds", "You may send back what you bought within 14 days.");
    put("shipping", "en", "Shipping", "We ship within two days.");
    assertEquals("returns", best("returning an item", "en"));
    assertEquals("returns", best("refunded", "en"));
    assertEquals("shipping", best("shipped", "en"));
  }

  @Test
  void aWordInTheTitleWeighsMoreThanInTheBody() {
    put("body", "de", "Ihre Bestellung", "Zahlen Sie mit PayPal, Kreditkarte oder Rechnung. PayPal ist am schnellsten.");
    put("title", "de", "PayPal", "So geht es: Sie werden beim Bestellen weitergeleitet.");
    assertEquals(List.of("title", "body"), ids("PayPal", "de"));
  }

  @Test
  void keywordsLetAnArticleBeFoundByWordsItsTextDoesNotUse() {
    germanShop();
    put("tracking", "de", "Sendungsverfolgung", "Mit der Nummer aus der Versand-E-Mail sehen Sie, wo es ist.",
        "tracking", "dhl");
    assertEquals(List.of("tracking"), ids("Tracking bei DHL", "de"));
  }

  @Test
  void onlyArticlesInTheAskedLanguagesAreFound() {
    put("de-pay", "de", "Bezahlen mit PayPal", "PayPal geht immer.");
    put("en-pay", "en", "Paying with PayPal", "PayPal always works.");
    assertEquals(List.of("en-pay"), ids("PayPal", "en"));
    assertEquals(List.of("de-pay"), ids("PayPal", "de"));
    assertEquals(2, ids("PayPal", "de", "en").size());
  }

  @Test
  void draftsAreNeverFoundAndAnUnpublishedArticleDisappears() {
    index.put(new Article("a", "shop", "de", "Geheimer Sommerschlussverkauf", "Ab Juli.", List.of(), false, T0));
    assertEquals(List.of(), ids("Sommerschlussverkauf", "de"));
    index.put(new Article("a", "shop", "de", "Geheimer Sommerschlussverkauf", "Ab Juli.", List.of(), true, T0.plusSeconds(1)));
    assertEquals(List.of("a"), ids("Sommerschlussverkauf", "de"));
    index.put(new Article("a", "shop", "de", "Geheimer Sommerschlussverkauf", "Ab Juli.", List.of(), false, T0.plusSeconds(2)));
    assertEquals(List.of(), ids("Sommerschlussverkauf", "de"));
  }

  @Test
  void anOlderVersionNeverReplacesANewerOneAndADeletedArticleStaysDeleted() {
    index.put(new Article("a", "shop", "en", "Gift cards", "Buy them online.", List.of(), true, T0.plusSeconds(5)));
    index.put(new Article("a", "shop", "en", "Vouchers", "Old text.", List.of(), true, T0));
    assertEquals(List.of("a"), ids("gift card", "en"));
    assertEquals(List.of(), ids("vouchers", "en"));
    index.remove("shop", "a");
    index.put(new Article("a", "shop", "en", "Gift cards", "Buy them online.", List.of(), true, T0.plusSeconds(9)));
    assertEquals(List.of(), ids("gift card", "en"));
  }

  @Test
  void aSitesArticlesAreFoundOnlyOnThatSite() {
    put("a", "en", "Gift cards", "Buy them online.");
    assertEquals(List.of(), index.search("other", "gift card", List.of("en"), 5));
  }

  @Test
  void queryLanguageIsJustTextAndNothingBreaksTheSearch() {
    germanShop();
    for (String odd : List.of("title:Rückgabe", "\"Rückgabe", "Rückgabe~2 AND (", "*", "+-!|", "a".repeat(5000),
        "Rückgabe ".repeat(400), "", "   ", "der die das")) {
      index.search("shop", odd, List.of("de", "en"), 3);
    }
    assertEquals("returns", best("title:Rückgabe", "de"));
    assertTrue(ids("der die das", "de").isEmpty(), "only stop words match nothing");
  }
}
