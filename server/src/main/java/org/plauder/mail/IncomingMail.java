package org.plauder.mail;

import java.time.Instant;
import java.util.List;

/**
 * One mail fetched from a support mailbox, as the channel needs it: its IMAP UID (to mark it
 * seen once it is stored), its Message-ID and the ones it refers to, the sender, its whole
 * text (an HTML-only mail already made text by {@link HtmlMail}) and its attached files.
 */
public record IncomingMail(
    long uid,
    String messageId,
    List<String> referencedIds,
    String fromAddress,
    String fromName,
    String subject,
    String text,
    Instant sentAt,
    List<MailFile> files) {

  public IncomingMail {
    files = files == null ? List.of() : List.copyOf(files);
  }
}
