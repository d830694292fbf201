package org.plauder.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV lines that a spreadsheet opens as data, never as formulas (OWASP "CSV Injection"). A cell
 * that begins with {@code = + - @}, a tab or a carriage return gets a single quote in front. Such
 * a cell, and one holding a {@code ;} or a tab, is always quoted: a spreadsheet that splits on
 * another separator (Excel in a German locale splits on {@code ;}) must not start a new cell
 * inside it. Everything else is RFC 4180 as Commons CSV writes it. Pure: values in, text out.
 */
public final class CsvCells {

  private static final CSVFormat MINIMAL = CSVFormat.RFC4180.builder().get();
  private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

  private CsvCells() {}

  /** The cell with a single quote in front when a spreadsheet would read it as a formula. */
  public static String neutralise(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }

  /** One CSV record (ending in CRLF) of the values' text, each cell neutralised. */
  public static String line(Object... values) {
    StringBuilder out = new StringBuilder();
    try {
      for (int i = 0; i < values.length; i++) {
        String cell = neutralise(values[i] == null ? "" : values[i].toString());
        boolean quote = cell.startsWith("'") || cell.indexOf(';') >= 0 || cell.indexOf('\t') >= 0;
        (quote ? QUOTED : MINIMAL).print(cell, out, i == 0);
      }
      MINIMAL.println(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return out.toString();
  }
}
