package org.plauder.transcript;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as one CSV file for a spreadsheet: blocks separated by an empty line, each with its own
 * header row — the site's figures ({@code figure,value}), then one row per day, agent, channel,
 * tag and rating comment, the columns named as in the JSON report. Times are in seconds. Every
 * cell goes through {@link CsvCells}. Pure: the report's JSON in, text out.
 */
public final class ReportCsv {

  /** The blocks after the site's figures: the report's field and the columns of its rows. */
  private static final List<String[]> BLOCKS = List.of(
      new String[] {"days", "date", "chats", "missed", "offlineMessages", "firstResponseMedianSeconds", "resolutionMedianSeconds",
          "ratingAverage", "ratings"},
      new String[] {"agents", "agentId", "agentName", "chats", "missed", "waitMedianSeconds", "waitP90Seconds",
          "firstResponseMedianSeconds", "firstResponseP90Seconds", "durationMedianSeconds", "ratingAverage", "ratings"},
      new String[] {"channels", "channel", "conversations", "firstResponseMedianSeconds", "firstResponseP90Seconds",
          "resolutionMedianSeconds", "resolutionP90Seconds"},
      new String[] {"tags", "tag", "conversations"},
      new String[] {"ratingComments", "conversationId", "createdAt", "agentName", "channel", "rating", "comment"});

  private ReportCsv() {}

  public static String of(JsonObject report) {
    StringBuilder out = new StringBuilder(CsvCells.line("figure", "value"));
    out.append(CsvCells.line("from", report.getValue("from"))).append(CsvCells.line("to", report.getValue("to")));
    JsonObject site = report.getJsonObject("site", new JsonObject());
    for (String figure : site.fieldNames()) {
      Object value = site.getValue(figure);
      if (!(value instanceof JsonArray) && !(value instanceof JsonObject)) {
        out.append(CsvCells.line(figure, value));
      }
    }
    for (String[] block : BLOCKS) {
      out.append("\r\n").append(CsvCells.line((Object[]) List.of(block).subList(1, block.length).toArray()));
      JsonArray rows = report.getJsonArray(block[0], new JsonArray());
      for (int i = 0; i < rows.size(); i++) {
        JsonObject row = rows.getJsonObject(i);
        List<Object> cells = new ArrayList<>();
        for (int c = 1; c < block.length; c++) {
          cells.add(row.getValue(block[c]));
        }
        out.append(CsvCells.line(cells.toArray()));
      }
    }
    return out.toString();
  }
}
