package org.plauder.mail;

import jakarta.mail.Session;
import java.util.Properties;
import org.plauder.site.Mailbox;

/** The Jakarta Mail sessions of a mailbox: IMAP to fetch, SMTP to send, each with its security and bounded waits. */
final class MailSessions {

  private static final int CONNECT_TIMEOUT_MILLIS = 15_000;

  private MailSessions() {
  }

  static Session imap(Mailbox box) {
    Properties p = common("imap", box.imapHost(), box.imapPort(), box.imapSecurity());
    // Reading a mail must not mark it seen: that happens only once its conversation is stored.
    p.put("mail.imap.peek", "true");
    // Longer than the IDLE watchdog ({@link MailboxWatch}), which ends an IDLE first.
    p.put("mail.imap.timeout", String.valueOf(Math.max(60, box.pollSeconds() * 2) * 1000));
    return Session.getInstance(p);
  }

  static Session smtp(Mailbox box) {
    Properties p = common("smtp", box.smtpHost(), box.smtpPort(), box.smtpSecurity());
    p.put("mail.smtp.auth", "true");
    p.put("mail.smtp.timeout", "30000");
    p.put("mail.smtp.writetimeout", "30000");
    return Session.getInstance(p);
  }

  private static Properties common(String protocol, String host, int port, Mailbox.Security security) {
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "host", host);
    p.put(prefix + "port", String.valueOf(port));
    p.put(prefix + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS));
    p.put(prefix + "ssl.enable", String.valueOf(security == Mailbox.Security.SSL));
    p.put(prefix + "ssl.checkserveridentity", "true");
    if (security == Mailbox.Security.STARTTLS) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    return p;
  }
}
