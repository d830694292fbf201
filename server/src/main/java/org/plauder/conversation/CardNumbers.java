package org.plauder.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers in chat text and masks them before anything is stored or
 * forwarded: 13–19 digits, optionally grouped by single spaces or dashes, that pass the Luhn
 * check. All but the last four digits become '•'; the grouping stays readable.
 */
public final class CardNumbers {

  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

  private CardNumbers() {}

  /** The text with every card number masked; the same text when there is none. */
  public static String mask(String text) {
    Matcher m = CANDIDATE.matcher(text);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      String candidate = m.group();
      String digits = candidate.replaceAll("[ -]", "");
      if (!passesLuhn(digits)) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, last, m.start()).append(maskDigits(candidate, digits.length() - 4));
      last = m.end();
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  private static String maskDigits(String candidate, int digitsToMask) {
    StringBuilder masked = new StringBuilder(candidate.length());
    int seen = 0;
    for (char ch : candidate.toCharArray()) {
      if (Character.isDigit(ch) && seen++ < digitsToMask) {
        masked.append('•');
      } else {
        masked.append(ch);
      }
    }
    return masked.toString();
  }

  static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
