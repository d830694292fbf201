package org.plauder.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an agent reads of an incoming mail: the new text, without the quoted history below it
 * (introduced by "On … wrote:", "Am … schrieb …:", an "Original Message" line or an Outlook
 * "From:/Von:" block) and without the signature after "-- ". The mail as it came is kept apart.
 */
public final class QuoteTrimmer {

  private static final Pattern WROTE = Pattern.compile("^(on\\s.+\\swrote|am\\s.+\\sschrieb.*):\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern WROTE_START = Pattern.compile("^(on|am)\\s.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern WROTE_END = Pattern.compile("^.*(wrote|schrieb[^:]*):\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ORIGINAL = Pattern.compile(
      "^\\s*-{2,}\\s*(original message|ursprüngliche nachricht|forwarded message|weitergeleitete nachricht)\\s*-{2,}\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*(from|von):\\s.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern OUTLOOK_NEXT = Pattern.compile("^\\s*(sent|gesendet|date|datum|to|an):\\s.*", Pattern.CASE_INSENSITIVE);

  private QuoteTrimmer() {
  }

  /** The new part of a mail's text; the whole text when nothing new is left after trimming. */
  public static String visible(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (startsHistory(lines, i) || line.equals("-- ") || line.equals("--")) {
        break;
      }
      if (!line.startsWith(">")) {
        kept.add(line.stripTrailing());
      }
    }
    String visible = String.join("\n", kept).strip().replaceAll("\n{3,}", "\n\n");
    return visible.isEmpty() ? text.strip() : visible;
  }

  /**
   * Text fit to be a message: control characters (but line breaks and tabs) and broken UTF-16
   * removed, cut at {@code maxLength} characters with an ellipsis (the original is kept apart).
   */
  public static String clean(String text, int maxLength) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length() && count < maxLength; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean control = Character.isISOControl(cp) && cp != '\n' && cp != '\t';
      if (!control && !Character.isSurrogate((char) cp) && cp != 0xFFFD) {
        out.appendCodePoint(cp);
        count++;
      }
    }
    if (count >= maxLength && out.length() > 0) {
      out.setLength(out.offsetByCodePoints(0, maxLength - 1));
      out.append('…');
    }
    return out.toString();
  }

  private static boolean startsHistory(String[] lines, int i) {
    String line = lines[i];
    if (WROTE.matcher(line).matches() || ORIGINAL.matcher(line).matches()) {
      return true;
    }
    boolean hasNext = i + 1 < lines.length;
    // A client that wraps "On Tue, 1 Dec 2026 at 10:00, Jane <jane@example.com> wrote:" over two lines.
    if (hasNext && WROTE_START.matcher(line).matches() && WROTE_END.matcher(lines[i + 1]).matches()) {
      return true;
    }
    return hasNext && OUTLOOK_FROM.matcher(line).matches() && OUTLOOK_NEXT.matcher(lines[i + 1]).matches();
  }
}
