package org.plauder.transcript;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.owasp.encoder.Encode;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.RoutingStep;
import org.plauder.conversation.Whisper;
import org.plauder.protocol.Json;

/**
 * Renders stored messages as transcripts. Pure: values in, text out. Times are ISO 8601 in UTC
 * ("Z"); CSV follows RFC 4180 (CRLF, quotes doubled) through Commons CSV with every cell made
 * safe for spreadsheets ({@link CsvCells}); HTML escapes every stored text, which came from a browser.
 */
public final class Transcripts {

  public static final List<String> CSV_COLUMNS = List.of("conversationId", "seq", "time", "sender", "senderName", "text");

  private Transcripts() {}

  public static String render(TranscriptFormat format, Conversation c, List<ChatMessage> messages) {
    return switch (format) {
      case JSON -> json(c, messages);
      case CSV -> csvHeader() + String.join("", messages.stream().map(Transcripts::csvRow).toList());
      case TXT -> text(c, messages);
      case HTML -> html(c, messages);
      case NDJSON -> String.join("", messages.stream().map(Transcripts::ndjsonLine).toList());
    };
  }

  static String json(Conversation c, List<ChatMessage> messages) {
    return new JsonObject().put("conversation", Json.conversation(c)).put("messages", Json.messages(messages)).encodePrettily();
  }

  /** The JSON transcript as agents get it: with the conversation's routing steps and its whispers (marked as such, apart from the messages). */
  public static String forAgents(Conversation c, List<ChatMessage> messages, List<RoutingStep> routing, List<Whisper> whispers) {
    return new JsonObject().put("conversation", Json.conversation(c)).put("routing", Json.routing(routing))
        .put("messages", Json.messages(messages)).put("whispers", Json.whispers(whispers)).encodePrettily();
  }

  public static String csvHeader() {
    return CsvCells.line(CSV_COLUMNS.toArray());
  }

  public static String csvRow(ChatMessage m) {
    return CsvCells.line(m.conversationId(), m.seq(), Json.time(m.time()), m.sender().wire(),
        m.senderName() == null ? "" : m.senderName(), m.text());
  }

  /** One message as one line of newline-delimited JSON. */
  public static String ndjsonLine(ChatMessage m) {
    return Json.message(m).encode() + "\n";
  }

  public static String text(Conversation c, List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder();
    out.append("Conversation ").append(c.id()).append('\n');
    out.append("Started: ").append(Json.time(c.createdAt())).append('\n');
    if (c.agentName() != null) {
      out.append("Agent: ").append(c.agentName()).append('\n');
    }
    if (c.closedAt() != null) {
      out.append("Closed: ").append(Json.time(c.closedAt())).append('\n');
    }
    out.append('\n');
    for (ChatMessage m : messages) {
      out.append('[').append(Json.time(m.time())).append("] ").append(speaker(m)).append(": ");
      // Continuation lines are indented so a message can never pass for a new entry.
      out.append(m.text().replace("\r\n", "\n").replace("\n", "\n    ")).append('\n');
    }
    return out.toString();
  }

  public static String html(Conversation c, List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder();
    out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Transcript ").append(Encode.forHtml(c.id())).append("</title>")
        .append("<style>body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#111}")
        .append("h1{font-size:1.25rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}")
        .append("ol{list-style:none;padding:0}li{padding:.5rem 0;border-bottom:1px solid #ddd}")
        .append(".who{font-weight:600}.time{color:#555;font-size:.85em;margin-left:.5rem}")
        .append(".text{white-space:pre-wrap;margin:.25rem 0 0}@media print{body{margin:0}}</style></head><body>\n")
        .append("<h1>Transcript</h1>\n<dl>")
        .append("<dt>Conversation</dt><dd>").append(Encode.forHtml(c.id())).append("</dd>")
        .append("<dt>Started</dt><dd>").append(Encode.forHtml(Json.time(c.createdAt()))).append("</dd>");
    if (c.agentName() != null) {
      out.append("<dt>Agent</dt><dd>").append(Encode.forHtml(c.agentName())).append("</dd>");
    }
    if (c.closedAt() != null) {
      out.append("<dt>Closed</dt><dd>").append(Encode.forHtml(Json.time(c.closedAt()))).append("</dd>");
    }
    out.append("</dl>\n<ol>\n");
    for (ChatMessage m : messages) {
      out.append("<li><span class=\"who\">").append(Encode.forHtml(speaker(m))).append("</span>")
          .append("<time class=\"time\" datetime=\"").append(Encode.forHtmlAttribute(Json.time(m.time()))).append("\">")
          .append(Encode.forHtml(Json.time(m.time()))).append("</time>")
          .append("<p class=\"text\">").append(Encode.forHtml(m.text())).append("</p></li>\n");
    }
    return out.append("</ol>\n</body></html>\n").toString();
  }

  private static String speaker(ChatMessage m) {
    String role = m.sender().wire();
    return m.senderName() == null || m.senderName().isBlank() ? role : m.senderName() + " (" + role + ")";
  }
}
