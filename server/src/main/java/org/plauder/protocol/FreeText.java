package org.plauder.protocol;

/**
 * The character rules of every free text a browser sends — messages, names, titles, notes,
 * canned responses, offer texts: well-formed UTF-16 (no lone surrogate, which the database would
 * silently turn into U+FFFD), no U+FFFD itself, and no control characters. U+FFFD is the mark a
 * lenient decoder leaves where bytes were not UTF-8: Vert.x decodes WebSocket frames that way
 * before the bridge sees them, so on the bridge it is the only trace of broken input. Line breaks
 * and tabs are allowed only in texts that may span lines; a one-line text such as a name could
 * otherwise forge a new entry in a plain-text transcript. Pure: a value in, the same value or a
 * {@link Failure} out.
 */
public final class FreeText {

  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private FreeText() {}

  /** The text, unchanged, or a 400 {@code invalid_input} naming the field and what is wrong. */
  public static String check(String field, String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw Failure.badInput(field + " contains a lone surrogate (broken UTF-16)");
      } else if (c == REPLACEMENT_CHARACTER) {
        throw Failure.badInput(field + " contains U+FFFD, the mark of bytes that were not UTF-8");
      } else if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
        throw Failure.badInput(field + " contains a control character (U+" + String.format("%04X", (int) c)
            + ")" + (multiLine ? "" : "; it must be one line"));
      }
    }
    return text;
  }

  /** The length as people count it: in characters (code points), an emoji being one. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
