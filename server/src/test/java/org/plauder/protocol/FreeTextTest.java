package org.plauder.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FreeTextTest {

  private static String refusal(String text, boolean multiLine) {
    Failure f = assertThrows(Failure.class, () -> FreeText.check("name", text, multiLine));
    assertEquals(400, f.status());
    assertEquals("invalid_input", f.code());
    assertTrue(f.getMessage().startsWith("name "), f.getMessage());
    return f.getMessage();
  }

  @Test
  void wellFormedTextIsKeptAsItIs() {
    assertEquals("Eva 🙂 Müller", FreeText.check("name", "Eva 🙂 Müller", false));
    assertEquals("Zeile\nZeile\r\n\tEinzug", FreeText.check("note", "Zeile\nZeile\r\n\tEinzug", true));
    assertEquals("=HYPERLINK(\"x\")", FreeText.check("name", "=HYPERLINK(\"x\")", false));
  }

  @Test
  void loneSurrogatesAreRefusedWhereverTheyStand() {
    assertTrue(refusal("Eva\uD800", false).contains("lone surrogate"));
    refusal("\uDC00Eva", true);
    refusal("a\uD83Db", true);           // high without low
    refusal("\uDE42\uD83D", true);       // the pair in the wrong order
  }

  @Test
  void theReplacementCharacterIsRefusedAsTheTraceOfBrokenBytes() {
    assertTrue(refusal("Eva\uFFFD", false).contains("U+FFFD"));
    refusal("\uFFFD", true);
  }

  @Test
  void controlCharactersAreRefusedAndLineBreaksOnlyInMultiLineTexts() {
    assertTrue(refusal("Eva\u0000", true).contains("U+0000"));
    refusal("bell\u0007", true);
    refusal("esc\u001b[31m", true);
    refusal("del\u007f", true);
    refusal("c1\u0085", true);
    assertTrue(refusal("Eva\nAdmin (agent): hi", false).contains("one line"));
    refusal("Eva\r", false);
    refusal("Eva\tx", false);
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    assertEquals(3, FreeText.length("a🙂b"));
  }

  @Test
  void inputsApplyTheRulesToEveryStringField() {
    assertThrows(Failure.class, () -> Inputs.optionalString(new JsonObject().put("name", "Eva\u0000"), "name", 100));
    assertThrows(Failure.class, () -> Inputs.requiredString(new JsonObject().put("title", "T\uD800"), "title", 80));
    assertThrows(Failure.class, () -> Inputs.optionalEmail(new JsonObject().put("email", "eva\u0000@example.org"), "email"));
    assertThrows(Failure.class, () -> Inputs.optionalString(new JsonObject().put("name", "a\nb"), "name", 100));
    assertEquals("a\nb", Inputs.optionalMultiLineText(new JsonObject().put("note", " a\nb "), "note", 100));
    assertEquals("🙂🙂", Inputs.optionalString(new JsonObject().put("name", "🙂🙂"), "name", 2));
    assertNull(Inputs.optionalString(new JsonObject().put("name", "   "), "name", 5));
  }
}
