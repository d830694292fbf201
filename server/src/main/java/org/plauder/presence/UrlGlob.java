package org.plauder.presence;

import java.net.URI;
import java.util.regex.Pattern;

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
    return subject != null && toRegex(pattern).matcher(subject).matches();
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

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        // Possessive-free and non-nested, so no pattern can make matching take exponential time.
        regex.append(c == '*' ? ".*?" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
