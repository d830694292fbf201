package org.plauder.transcript;

import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.owasp.encoder.Encode;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;

/**
 * Transcripts for people (plain text, printable HTML, the e-mail): in the reader's language, times
 * in the site's time zone, names instead of ids, with the site, the visitor's details and the
 * rating on top. Pure: values in, text out; every stored text is escaped in HTML.
 */
public final class ReadableTranscripts {

  private ReadableTranscripts() {}

  private record Words(String title, String site, String visitor, String email, String agent, String started, String closed,
      String rating, String anonymous, String system, String bot, String subject, String comment) {}

  private static final Words DE = new Words("Chatverlauf", "Website", "Besucher", "E-Mail", "Mitarbeiter", "Begonnen",
      "Beendet", "Bewertung", "Besucher", "System", "Hilfe-Bot", "Ihr Chatverlauf", "Kommentar");
  private static final Words EN = new Words("Chat transcript", "Website", "Visitor", "E-mail", "Agent", "Started", "Closed",
      "Rating", "Visitor", "System", "Help bot", "Your chat transcript", "Comment");

  private static Words words(Reader reader) {
    return reader.german() ? DE : EN;
  }

  /** "2. Dez. 2026, 14:05" or "2 Dec 2026, 14:05", in the site's zone. */
  static String dateTime(Instant at, Reader reader) {
    return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(reader.locale()).withZone(reader.zone()).format(at);
  }

  /** "14:05", in the site's zone (24 hours in both languages, as shops in Germany write it). */
  static String clock(Instant at, Reader reader) {
    return at == null ? "" : DateTimeFormatter.ofPattern("HH:mm", reader.locale()).withZone(reader.zone()).format(at);
  }

  /** Who said it, as a person reads it: the visitor's or agent's name, else their role in the reader's words. */
  static String speaker(ChatMessage m, Conversation c, Reader reader) {
    Words w = words(reader);
    return switch (m.sender()) {
      case VISITOR -> nonBlank(m.senderName(), nonBlank(c.visitorName(), w.anonymous()));
      case AGENT -> nonBlank(m.senderName(), w.agent());
      case SYSTEM -> reader.siteName() == null ? w.system() : reader.siteName();
      case BOT -> w.bot();
    };
  }

  private static String nonBlank(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }

  /** The facts on top, each a label and a value; empty values are left out. */
  private static List<String[]> facts(Conversation c, String ratingComment, Reader reader) {
    Words w = words(reader);
    return java.util.stream.Stream.of(
        new String[] {w.site(), reader.siteName()},
        new String[] {w.visitor(), c.visitorName()},
        new String[] {w.email(), c.visitorEmail()},
        new String[] {w.agent(), c.agentName()},
        new String[] {w.started(), dateTime(c.createdAt(), reader)},
        new String[] {w.closed(), dateTime(c.closedAt(), reader)},
        new String[] {w.rating(), c.rating() == null ? null : c.rating() + "/5"},
        new String[] {w.comment(), c.rating() == null ? null : ratingComment})
        .filter(f -> f[1] != null && !f[1].isBlank()).toList();
  }

  public static String subject(Reader reader) {
    return words(reader).subject() + (reader.siteName() == null ? "" : " – " + reader.siteName());
  }

  public static String text(Conversation c, List<ChatMessage> messages, Reader reader) {
    return text(c, null, messages, reader);
  }

  /** With the visitor's rating comment among the facts on top (null: none); a comment's further lines indented. */
  public static String text(Conversation c, String ratingComment, List<ChatMessage> messages, Reader reader) {
    StringBuilder out = new StringBuilder(words(reader).title()).append('\n');
    for (String[] fact : facts(c, ratingComment, reader)) {
      out.append(fact[0]).append(": ").append(fact[1].replace("\r\n", "\n").replace("\n", "\n    ")).append('\n');
    }
    out.append('\n');
    for (ChatMessage m : messages) {
      out.append('[').append(clock(m.time(), reader)).append("] ").append(speaker(m, c, reader)).append(": ");
      // Continuation lines are indented so a message can never pass for a new entry.
      out.append(Transcripts.shown(m).replace("\r\n", "\n").replace("\n", "\n    ")).append('\n');
    }
    return out.toString();
  }

  public static String html(Conversation c, List<ChatMessage> messages, Reader reader) {
    return html(c, null, messages, reader);
  }

  public static String html(Conversation c, String ratingComment, List<ChatMessage> messages, Reader reader) {
    StringBuilder out = new StringBuilder();
    out.append("<!doctype html>\n<html lang=\"").append(reader.language()).append("\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(Encode.forHtml(words(reader).title())).append("</title>")
        .append("<style>body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#111}")
        .append("h1{font-size:1.25rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dd{white-space:pre-wrap}")
        .append("ol{list-style:none;padding:0}li{padding:.5rem 0;border-bottom:1px solid #ddd}")
        .append(".who{font-weight:600}.time{color:#555;font-size:.85em;margin-left:.5rem}")
        .append(".text{white-space:pre-wrap;margin:.25rem 0 0}@media print{body{margin:0}}</style></head><body>\n")
        .append("<h1>").append(Encode.forHtml(words(reader).title())).append("</h1>\n<dl>");
    for (String[] fact : facts(c, ratingComment, reader)) {
      out.append("<dt>").append(Encode.forHtml(fact[0])).append("</dt><dd>").append(Encode.forHtml(fact[1])).append("</dd>");
    }
    out.append("</dl>\n<ol>\n");
    for (ChatMessage m : messages) {
      out.append("<li><span class=\"who\">").append(Encode.forHtml(speaker(m, c, reader))).append("</span>")
          .append("<time class=\"time\" datetime=\"").append(Encode.forHtmlAttribute(String.valueOf(m.time()))).append("\">")
          .append(Encode.forHtml(clock(m.time(), reader))).append("</time>")
          .append("<p class=\"text\">").append(Encode.forHtml(Transcripts.shown(m))).append("</p></li>\n");
    }
    return out.append("</ol>\n</body></html>\n").toString();
  }

  /** A file name people recognise: site, day and visitor, such as {@code demo-2026-12-02-eva-muller.txt}; ASCII only. */
  public static String fileName(Conversation c, String siteKey, Reader reader, String extension) {
    String day = c.createdAt() == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(reader.zone()).format(c.createdAt());
    String who = c.visitorName() == null ? "" : c.visitorName();
    String name = String.join("-", List.of(slug(siteKey), day, slug(who)).stream().filter(s -> !s.isEmpty()).toList());
    return (name.isEmpty() ? "chat" : name) + "." + extension;
  }

  private static String slug(String text) {
    String ascii = Normalizer.normalize(text.replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.length() > 40 ? slug.substring(0, 40) : slug;
  }
}
