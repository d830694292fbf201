package org.plauder.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a browser's Origin header belongs to a site. An allowed entry is either a full origin
 * ({@code https://shop.example.com}, port included when not the default) or a bare host name
 * ({@code localhost}), which then allows that host on any scheme and port.
 */
public final class Origins {

  private Origins() {}

  public static boolean isAllowed(String origin, List<String> allowed) {
    if (origin == null || origin.isBlank() || "null".equals(origin)) {
      return false;
    }
    String normalized = normalize(origin);
    String host = hostOf(origin);
    if (normalized == null || host == null) {
      return false;
    }
    for (String entry : allowed) {
      String e = entry.trim().toLowerCase(Locale.ROOT);
      if (e.contains("://") ? normalized.equals(normalize(e)) : host.equals(e)) {
        return true;
      }
    }
    return false;
  }

  /** Whether two origins (or URLs) are the same origin: scheme, host and port, case and default ports aside. */
  public static boolean isSameOrigin(String origin, String expected) {
    String a = origin == null ? null : normalize(origin);
    return a != null && expected != null && a.equals(normalize(expected));
  }

  /** scheme://host[:port] in lower case without a default port, or null when not an origin. */
  static String normalize(String origin) {
    try {
      URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null || !(scheme.equals("http") || scheme.equals("https"))) {
        return null;
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    } catch (Exception e) {
      return null;
    }
  }

  private static String hostOf(String origin) {
    try {
      return new URI(origin.trim().toLowerCase(Locale.ROOT)).getHost();
    } catch (Exception e) {
      return null;
    }
  }
}
