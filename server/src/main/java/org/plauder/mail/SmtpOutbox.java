package org.plauder.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
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
    if (mail.attachment() == null) {
      message.setText(mail.text(), StandardCharsets.UTF_8.name());
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), StandardCharsets.UTF_8.name());
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.attachment().bytes(), mail.attachment().claimedType())));
      file.setFileName(MimeUtility.encodeText(mail.attachment().name(), StandardCharsets.UTF_8.name(), null));
      file.setDisposition(Part.ATTACHMENT);
      message.setContent(new MimeMultipart(text, file));
    }
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
