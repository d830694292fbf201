package org.plauder.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.plauder.site.Mailbox;

/** Sends an answer through the site's SMTP server. Blocks: called on the mail worker threads only. */
final class SmtpOutbox {

  private SmtpOutbox() {
  }

  static void send(Mailbox box, OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
    Session session = MailSessions.smtp(box);
    MimeMessage message = new ThreadedMessage(session, mail.messageId());
    message.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), StandardCharsets.UTF_8.name()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.toAddress(), mail.toName(), StandardCharsets.UTF_8.name()));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.text(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    if (mail.inReplyTo() != null) {
      message.setHeader("In-Reply-To", mail.inReplyTo());
    }
    if (mail.references() != null && !mail.references().isEmpty()) {
      message.setHeader("References", mail.references());
    }
    Transport.send(message, box.username(), box.password());
  }

  /** A message that keeps the Message-ID it was given (Jakarta Mail would make its own when saved). */
  private static final class ThreadedMessage extends MimeMessage {

    private final String messageId;

    ThreadedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
