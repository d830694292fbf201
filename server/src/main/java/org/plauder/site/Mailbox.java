package org.plauder.site;

import java.util.Locale;
import java.util.regex.Pattern;
import org.plauder.protocol.Failure;

/**
 * A site's support mailbox: the address customers write to, where its mail is fetched (IMAP)
 * and how answers are sent (SMTP). One login serves both. {@code password} is null when it is
 * not known here (read back for the API, or an admin's change that keeps the stored one).
 */
public record Mailbox(
    boolean enabled,
    String address,
    String imapHost,
    int imapPort,
    Security imapSecurity,
    String smtpHost,
    int smtpPort,
    Security smtpSecurity,
    String username,
    String password,
    int pollSeconds) {

  public static final int DEFAULT_POLL_SECONDS = 60;
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z0-9-]{2,63}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");

  /** How a connection to the mail server is protected. */
  public enum Security {
    /** TLS from the first byte (IMAP 993, SMTP 465). */
    SSL,
    /** Plain first, then upgraded and required (SMTP 587, IMAP 143). */
    STARTTLS,
    /** No encryption: only for a mail server on the same machine or in tests. */
    NONE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Security fromWire(Object value, String field) {
      for (Security s : values()) {
        if (s.wire().equals(value)) {
          return s;
        }
      }
      throw Failure.badInput(field + " must be one of ssl, starttls, none");
    }
  }

  public Mailbox {
    if (address == null || !ADDRESS.matcher(address).matches()) {
      throw Failure.badInput("address must be an e-mail address");
    }
    checkHost(imapHost, "imapHost");
    checkHost(smtpHost, "smtpHost");
    checkPort(imapPort, "imapPort");
    checkPort(smtpPort, "smtpPort");
    if (imapSecurity == null || smtpSecurity == null) {
      throw Failure.badInput("imapSecurity and smtpSecurity must be one of ssl, starttls, none");
    }
    if (username == null || username.isBlank() || username.length() > 254) {
      throw Failure.badInput("username must be 1-254 characters");
    }
    if (password != null && password.length() > 1000) {
      throw Failure.badInput("password must be at most 1000 characters");
    }
    if (pollSeconds < 1 || pollSeconds > 3600) {
      throw Failure.badInput("pollSeconds must be between 1 and 3600");
    }
  }

  private static void checkHost(String host, String field) {
    if (host == null || !HOST.matcher(host).matches()) {
      throw Failure.badInput(field + " must be a host name");
    }
  }

  private static void checkPort(int port, String field) {
    if (port < 1 || port > 65535) {
      throw Failure.badInput(field + " must be a port between 1 and 65535");
    }
  }

  /** The same mailbox with this password (an admin's change that left it out keeps the stored one). */
  public Mailbox withPassword(String newPassword) {
    return new Mailbox(enabled, address, imapHost, imapPort, imapSecurity, smtpHost, smtpPort, smtpSecurity, username, newPassword,
        pollSeconds);
  }

  /** The domain of the address: where this site's Message-IDs are made. */
  public String domain() {
    return address.substring(address.indexOf('@') + 1);
  }
}
