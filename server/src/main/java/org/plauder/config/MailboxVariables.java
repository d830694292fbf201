package org.plauder.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.plauder.protocol.Failure;
import org.plauder.site.Mailbox;

/**
 * A site's support mailbox from environment variables, for a one-site installation or the demo:
 * it is stored at every start (so the variables win over the admin screen) and switched on.
 * {@code PLAUDER_MAIL_IMAP_URL} and {@code PLAUDER_MAIL_SMTP_URL} say where and how
 * ({@code imaps://} TLS, default port 993; {@code imap://} STARTTLS, 143; {@code imap+plain://} no
 * encryption, only for a mail server on the same machine; {@code smtps://} 465, {@code smtp://}
 * STARTTLS 587, {@code smtp+plain://} 25), the login comes from the IMAP URL's user and password
 * unless {@code PLAUDER_MAIL_USERNAME} / {@code PLAUDER_MAIL_PASSWORD} are set.
 */
public record MailboxVariables(String siteKey, Mailbox mailbox) {

  /** The mailbox the variables describe, or null when {@code PLAUDER_MAIL_ADDRESS} is unset; a bad value is an error naming the variable. */
  public static MailboxVariables fromEnvironment(Map<String, String> env) {
    String address = blankToNull(env.get("PLAUDER_MAIL_ADDRESS"));
    if (address == null) {
      return null;
    }
    Endpoint imap = endpoint(env, "PLAUDER_MAIL_IMAP_URL", "imap");
    Endpoint smtp = endpoint(env, "PLAUDER_MAIL_SMTP_URL", "smtp");
    String username = firstOf(env.get("PLAUDER_MAIL_USERNAME"), imap.user(), smtp.user(), address);
    String password = firstOf(env.get("PLAUDER_MAIL_PASSWORD"), imap.password(), smtp.password(), null);
    if (password == null) {
      throw new IllegalArgumentException("PLAUDER_MAIL_PASSWORD (or a password in PLAUDER_MAIL_IMAP_URL) is required with PLAUDER_MAIL_ADDRESS");
    }
    int poll = pollSeconds(env.get("PLAUDER_MAIL_POLL_SECONDS"));
    String site = env.getOrDefault("PLAUDER_MAIL_SITE", "demo");
    try {
      return new MailboxVariables(site, new Mailbox(true, address, imap.host(), imap.port(), imap.security(), smtp.host(), smtp.port(),
          smtp.security(), username, password, poll));
    } catch (Failure invalid) {
      throw new IllegalArgumentException("PLAUDER_MAIL_*: " + invalid.getMessage());
    }
  }

  private record Endpoint(String host, int port, Mailbox.Security security, String user, String password) {}

  private static Endpoint endpoint(Map<String, String> env, String name, String protocol) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      throw new IllegalArgumentException(name + " is required with PLAUDER_MAIL_ADDRESS, e.g. " + protocol + "s://" + protocol + ".example.com");
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    Mailbox.Security security;
    int defaultPort;
    if (scheme.equals(protocol + "s")) {
      security = Mailbox.Security.SSL;
      defaultPort = protocol.equals("imap") ? 993 : 465;
    } else if (scheme.equals(protocol)) {
      security = Mailbox.Security.STARTTLS;
      defaultPort = protocol.equals("imap") ? 143 : 587;
    } else if (scheme.equals(protocol + "+plain")) {
      security = Mailbox.Security.NONE;
      defaultPort = protocol.equals("imap") ? 143 : 25;
    } else {
      throw new IllegalArgumentException(name + " must start with " + protocol + "s://, " + protocol + ":// or " + protocol + "+plain://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(name + " names no host");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    return new Endpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort, security, blankToNull(user), blankToNull(password));
  }

  private static int pollSeconds(String value) {
    if (blankToNull(value) == null) {
      return Mailbox.DEFAULT_POLL_SECONDS;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PLAUDER_MAIL_POLL_SECONDS must be a whole number, got '" + value + "'");
    }
  }

  /** A percent-encoded part of a URL's user info ({@code %40} for @); a + stays a +. */
  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String firstOf(String a, String b, String c, String fallback) {
    for (String s : new String[] {a, b, c}) {
      if (blankToNull(s) != null) {
        return s;
      }
    }
    return fallback;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
