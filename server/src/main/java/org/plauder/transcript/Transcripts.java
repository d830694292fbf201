package org.plauder.transcript;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.RoutingStep;
import org.plauder.conversation.Whisper;
import org.plauder.protocol.Json;

/**
 * Renders stored messages as transcripts. Pure: values in, text out. The machine formats (JSON,
 * CSV, NDJSON) give times in ISO 8601 UTC ("Z"); CSV follows RFC 4180 (CRLF, quotes doubled)
 * through Commons CSV with every cell made safe for spreadsheets ({@link CsvCells}). Text and HTML
 * are for people ({@link ReadableTranscripts}).
 */
public final class Transcripts {

  public static final List<String> CSV_COLUMNS = List.of("conversationId", "seq", "time", "sender", "senderName", "text");

  private Transcripts() {}

  /** The transcript in this format; text and HTML are written for {@code reader} ({@link ReadableTranscripts}). */
  public static String render(TranscriptFormat format, Conversation c, List<ChatMessage> messages, Reader reader) {
    return render(format, c, null, messages, reader);
  }

  /** As above, with the visitor's rating comment (null: none) in JSON, text and HTML; CSV and NDJSON hold messages only. */
  public static String render(TranscriptFormat format, Conversation c, String ratingComment, List<ChatMessage> messages, Reader reader) {
    return switch (format) {
      case JSON -> json(c, ratingComment, messages);
      case CSV -> csvHeader() + String.join("", messages.stream().map(Transcripts::csvRow).toList());
      case TXT -> ReadableTranscripts.text(c, ratingComment, messages, reader);
      case HTML -> ReadableTranscripts.html(c, ratingComment, messages, reader);
      case NDJSON -> String.join("", messages.stream().map(Transcripts::ndjsonLine).toList());
    };
  }

  static String json(Conversation c, String ratingComment, List<ChatMessage> messages) {
    JsonObject conversation = Json.conversation(c);
    if (ratingComment != null) {
      conversation.put("ratingComment", ratingComment);
    }
    return new JsonObject().put("conversation", conversation).put("messages", Json.messages(messages)).encodePrettily();
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
        m.senderName() == null ? "" : m.senderName(), shown(m));
  }

  /** One message as one line of newline-delimited JSON. */
  public static String ndjsonLine(ChatMessage m) {
    return Json.message(m).encode() + "\n";
  }

  /** A message's text; a sent file's message names the file, its type, size and address (for agents; the bytes stay out). */
  static String shown(ChatMessage m) {
    var a = m.attachment();
    return a == null ? m.text()
        : "[file] " + a.name() + " (" + a.type() + ", " + a.size() + " bytes) " + Json.fileUrl(a.id());
  }
}
