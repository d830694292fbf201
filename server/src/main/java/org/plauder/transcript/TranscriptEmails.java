package org.plauder.transcript;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationService;
import org.plauder.protocol.Failure;
import org.plauder.site.Site;
import org.plauder.site.TranscriptSender;
import org.plauder.store.Conversations;
import org.plauder.store.SiteSenders;
import org.plauder.store.Sites;

/**
 * A visitor asks for the transcript of its ended chat by e-mail: once per conversation, so the
 * action cannot be used to send mail to anyone again and again; a refusal by the mail server
 * gives the claim back so the visitor can try again.
 */
public final class TranscriptEmails {

  private final TranscriptMailer mailer;
  private final Conversations conversations;
  private final ConversationService messages;
  private final Sites sites;
  private final SiteSenders senders;
  private final Clock clock;

  /** {@code mailer} is null when no SMTP server is configured. */
  public TranscriptEmails(TranscriptMailer mailer, Conversations conversations, ConversationService messages, Sites sites,
      SiteSenders senders, Clock clock) {
    this.senders = senders;
    this.mailer = mailer;
    this.conversations = conversations;
    this.messages = messages;
    this.sites = sites;
    this.clock = clock;
  }

  public boolean available() {
    return mailer != null;
  }

  /** Sends the whole transcript of {@code c} to {@code email}, in {@code language} (null: the site's first). */
  public Future<Void> send(Conversation c, String email, String language) {
    if (mailer == null) {
      return Future.failedFuture(new Failure(501, "email_unavailable", "sending transcripts by e-mail is not set up on this server"));
    }
    if (c.isOpen()) {
      return Future.failedFuture(Failure.conflict("conversation_open", "the transcript can be sent once the chat has ended"));
    }
    return conversations.transcriptEmails().claim(c.id(), clock.instant()).compose(claimed -> {
      if (!claimed) {
        return Future.failedFuture(Failure.conflict("already_sent", "the transcript of this chat was sent already"));
      }
      // from the site's own sender when it has one, else the server's
      return Future.all(messages.allMessages(c), sites.find(c.siteKey()), conversations.wrapUps().of(c.id()), senders.find(c.siteKey()))
          .compose(all -> mailer.send(TranscriptSender.fromOf(all.resultAt(3), mailer.defaultFrom()), email,
              Reader.of(all.resultAt(1), language), c, all.<org.plauder.conversation.WrapUp>resultAt(2).ratingComment(),
              all.<List<ChatMessage>>resultAt(0)))
          .recover(e -> conversations.transcriptEmails().release(c.id()).compose(v -> Future.failedFuture(
              new Failure(502, "email_failed", "the mail server did not accept the transcript, try again later"))));
    });
  }
}
