package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plauder.conversation.ChatMessage;

class CsvCellsTest {

  @Test
  void cellsAFormulaCouldStartWithGetASingleQuoteInFront() {
    assertEquals("'=HYPERLINK(\"http://evil\",\"x\")", CsvCells.neutralise("=HYPERLINK(\"http://evil\",\"x\")"));
    assertEquals("'+1+1", CsvCells.neutralise("+1+1"));
    assertEquals("'-2+3", CsvCells.neutralise("-2+3"));
    assertEquals("'@SUM(A1)", CsvCells.neutralise("@SUM(A1)"));
    assertEquals("'\t=1", CsvCells.neutralise("\t=1"));
    assertEquals("'\r=1", CsvCells.neutralise("\r=1"));
  }

  @Test
  void otherCellsStayAsTheyAre() {
    assertEquals("Hallo = Welt", CsvCells.neutralise("Hallo = Welt"));
    assertEquals("a;=1+1", CsvCells.neutralise("a;=1+1"));
    assertEquals("'schon zitiert", CsvCells.neutralise("'schon zitiert"));
    assertEquals("", CsvCells.neutralise(""));
    assertEquals("Kaffee ☕", CsvCells.neutralise("Kaffee ☕"));
  }

  @Test
  void aNeutralisedCellIsAlwaysQuotedAndItsQuotesDoubled() {
    assertEquals("1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n", CsvCells.line(1, "=HYPERLINK(\"http://evil\",\"x\")"));
    assertEquals("\"'-2+3\",\"'@x\"\r\n", CsvCells.line("-2+3", "@x"));
    assertEquals("\"'\t1\",\"'\r=1\"\r\n", CsvCells.line("\t1", "\r=1"));
  }

  @Test
  void aSemicolonOrTabInACellIsQuotedSoASpreadsheetSplittingThereCannotStartANewCell() {
    assertEquals("x,\"a;=1+1\"\r\n", CsvCells.line("x", "a;=1+1"));
    assertEquals("\"a\t=1+1\"\r\n", CsvCells.line("a\t=1+1"));
  }

  @Test
  void plainCellsAreWrittenAsRfc4180WithMinimalQuoting() {
    assertEquals("a,7,\"b,c\",\"Er sagte \"\"Hallo\"\"\",\"x\ny\"\r\n", CsvCells.line("a", 7, "b,c", "Er sagte \"Hallo\"", "x\ny"));
  }

  @Test
  void aTranscriptRowNeutralisesTheSenderNameAndTheText() {
    ChatMessage m = new ChatMessage("c1", 3, ChatMessage.Sender.VISITOR, "v1", "=Eva", "+49 30 1234", "m-1",
        Instant.parse("2026-11-23T23:50:07.120Z"));
    assertEquals("c1,3,2026-11-23T23:50:07.120Z,visitor,\"'=Eva\",\"'+49 30 1234\"\r\n", Transcripts.csvRow(m));
  }
}
