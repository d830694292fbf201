package org.plauder.transcript;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.List;
import java.util.Locale;
import org.plauder.config.Config;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;

/** Sends a visitor its chat transcript by e-mail, as plain text with an HTML alternative. */
public final class TranscriptMailer {

  private final MailClient client;
  private final String from;

  public TranscriptMailer(Vertx vertx, Config.Smtp smtp) {
    MailConfig config = new MailConfig()
        .setHostname(smtp.host())
        .setPort(smtp.port())
        .setStarttls(StartTLSOptions.valueOf(smtp.startTls().toUpperCase(Locale.ROOT)))
        .setUsername(smtp.username())
        .setPassword(smtp.password());
    this.client = MailClient.createShared(vertx, config, "plauder-mail");
    this.from = smtp.from();
  }

  /** The server's sender ({@code PLAUDER_SMTP_FROM}), for a site without its own. */
  public String defaultFrom() {
    return from;
  }

  /**
   * In the reader's language and the site's time zone: plain text with an HTML alternative (multipart),
   * from {@code sender} (a {@code From} header, see {@link org.plauder.site.TranscriptSender#fromHeader}).
   */
  public Future<Void> send(String sender, String to, Reader reader, Conversation c, String ratingComment, List<ChatMessage> messages) {
    MailMessage mail = new MailMessage()
        .setFrom(sender)
        .setTo(to)
        .setSubject(ReadableTranscripts.subject(reader))
        .setText(ReadableTranscripts.text(c, ratingComment, messages, reader))
        .setHtml(ReadableTranscripts.html(c, ratingComment, messages, reader));
    return client.sendMail(mail).mapEmpty();
  }
}
