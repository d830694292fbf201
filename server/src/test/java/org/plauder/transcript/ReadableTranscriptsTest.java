package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatMessage.Sender;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;

/** Transcripts people read: their language, the site's time zone, names instead of ids. */
class ReadableTranscriptsTest {

  private static final Instant START = Instant.parse("2026-12-02T13:05:00Z");
  private static final Conversation CHAT = new Conversation("c1", "demo", "v1", "a1", "Anna", ConversationStatus.CLOSED, 1, START,
      START, START, START.plusSeconds(600), "visitor", 3, 5, "Eva Müller", "eva@example.org");
  private static final List<ChatMessage> MESSAGES = List.of(
      new ChatMessage("c1", 1, Sender.VISITOR, "v1", null, "Wo bleibt mein Paket?", "m-1", START),
      new ChatMessage("c1", 2, Sender.AGENT, "a1", "Anna", "Es ist unterwegs.\nMorgen da.", "m-2", START.plusSeconds(65)),
      new ChatMessage("c1", 3, Sender.SYSTEM, null, null, "<b>Danke</b>", "m-3", START.plusSeconds(70)));
  private static final Reader GERMAN = new Reader("Kaffeerösterei", "de", ZoneId.of("Europe/Berlin"));
  private static final Reader ENGLISH = new Reader("Kaffeerösterei", "en", ZoneId.of("Europe/London"));

  @Test
  void aGermanReaderGetsGermanWordsAndBerlinTimesAndNames() {
    String text = ReadableTranscripts.text(CHAT, MESSAGES, GERMAN);
    assertTrue(text.startsWith("Chatverlauf\nWebsite: Kaffeerösterei\nBesucher: Eva Müller\nE-Mail: eva@example.org\n"
        + "Mitarbeiter: Anna\nBegonnen: 02.12.2026, 14:05\nBeendet: 02.12.2026, 14:15\nBewertung: 5/5\n"), text);
    assertTrue(text.contains("[14:05] Eva Müller: Wo bleibt mein Paket?\n"), text);
    assertTrue(text.contains("[14:06] Anna: Es ist unterwegs.\n    Morgen da.\n"), text);
    assertTrue(text.contains("[14:06] Kaffeerösterei: <b>Danke</b>\n"), "the site speaks its system lines");
    assertFalse(text.contains("v1") || text.contains("2026-12-02T"), "no ids, no machine times");
  }

  @Test
  void anEnglishReaderGetsEnglishWordsInItsSitesZone() {
    String text = ReadableTranscripts.text(CHAT, MESSAGES, ENGLISH);
    assertTrue(text.contains("Visitor: Eva Müller\n"), text);
    assertTrue(text.contains("Started: 2 Dec 2026, 13:05\n"), text);
    assertTrue(text.contains("[13:05] Eva Müller: Wo bleibt mein Paket?"), text);
    assertEquals("Your chat transcript – Kaffeerösterei", ReadableTranscripts.subject(ENGLISH));
    assertEquals("Ihr Chatverlauf – Kaffeerösterei", ReadableTranscripts.subject(GERMAN));
  }

  @Test
  void thePrintablePageEscapesEveryStoredTextAndSaysItsLanguage() {
    String html = ReadableTranscripts.html(CHAT, MESSAGES, GERMAN);
    assertTrue(html.contains("<html lang=\"de\">"));
    assertTrue(html.contains("&lt;b&gt;Danke&lt;/b&gt;"), html);
    assertFalse(html.contains("<b>Danke"));
    assertTrue(html.contains("<dt>Besucher</dt><dd>Eva Müller</dd>"), html);
  }

  @Test
  void fileNamesNameTheSiteTheDayAndTheVisitorInAscii() {
    assertEquals("demo-2026-12-02-eva-muller.txt", ReadableTranscripts.fileName(CHAT, "demo", GERMAN, "txt"));
    Conversation anonymous = new Conversation("c2", "demo", "v2", null, null, ConversationStatus.OFFLINE, 0,
        Instant.parse("2026-12-02T23:30:00Z"), null, null, null, null, 0, null, null, null);
    assertEquals("demo-2026-12-03.csv", ReadableTranscripts.fileName(anonymous, "demo", GERMAN, "csv"), "the day in Berlin");
  }

  @Test
  void theVisitorsRatingCommentStandsBelowItsRatingAsTextWithItsLinesIndented() {
    String text = ReadableTranscripts.text(CHAT, "Schnell geholfen!\nDanke", MESSAGES, GERMAN);
    assertTrue(text.contains("Bewertung: 5/5\nKommentar: Schnell geholfen!\n    Danke\n\n"), text);
    String html = ReadableTranscripts.html(CHAT, "<script>alert(1)</script>", MESSAGES, ENGLISH);
    assertTrue(html.contains("<dt>Comment</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>"), html);
    assertFalse(ReadableTranscripts.text(CHAT, null, MESSAGES, ENGLISH).contains("Comment"));
  }
}
