package org.plauder.offer;

import java.net.URI;

/**
 * Glob patterns for page URLs, matched without ever compiling user input as a regular
 * expression: {@code *} is any run of characters, {@code ?} one character, everything else is
 * literal. A pattern starting with {@code /} is matched against the URL's path (and query); any
 * other against the whole URL.
 */
public final class UrlGlob {

  public static final int MAX_LENGTH = 200;

  private UrlGlob() {}

  public static boolean isValid(String pattern) {
    return pattern != null && !pattern.isBlank() && pattern.length() <= MAX_LENGTH;
  }

  public static boolean matches(String pattern, String url) {
    if (!isValid(pattern) || url == null) {
      return false;
    }
    String subject = pattern.startsWith("/") ? pathOf(url) : url;
    return subject != null && wildcard(pattern, subject);
  }

  private static String pathOf(String url) {
    try {
      URI uri = new URI(url);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * Iterative wildcard matching: on a mismatch it only ever returns to the most recent
   * {@code *}, so the work is at most pattern length × subject length, whatever the input.
   * (A translation to a regular expression would backtrack exponentially on patterns such as
   * {@code *a*a*a…b}.)
   */
  static boolean wildcard(String pattern, String subject) {
    int p = 0;
    int s = 0;
    int star = -1;
    int resume = 0;
    while (s < subject.length()) {
      char pc = p < pattern.length() ? pattern.charAt(p) : 0;
      if (p < pattern.length() && pc != '*' && (pc == '?' || pc == subject.charAt(s))) {
        p++;
        s++;
      } else if (p < pattern.length() && pc == '*') {
        star = p++;
        resume = s;
      } else if (star >= 0) {
        p = star + 1;
        s = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
