package org.plauder.mail;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.plauder.attachment.Attachments;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.MailThread;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatRequested;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;
import org.plauder.routing.ChatRouter;
import org.plauder.store.Conversations;
import org.plauder.store.EmailConversations;
import org.plauder.store.MailThreads;
import org.plauder.store.SiteFileLimits;
import org.plauder.visitor.VisitorContacts;

/**
 * Takes a fetched mail into Plauder: a reply (its token, or a Message-ID of a thread it refers
 * to) goes into its open conversation; any other mail opens a conversation of channel email,
 * queued and routed like a chat, and a reply to one that ended links to it. The message shows the new text ({@link QuoteTrimmer}); the
 * mail's whole text is kept beside it. Taking the same mail twice stores it once.
 */
public final class MailIntake {

  /** Where Plauder keeps what it needs of the store, the core and its rules. */
  public record Parts(MailThreads threads, EmailConversations email, Conversations conversations, VisitorContacts contacts,
      ChatLog chatLog, ChatRouter router, EventSink events, MailThreading threading, Clock clock, int maxMessageLength,
      Attachments attachments, SiteFileLimits fileLimits) {}

  private final Parts p;
  private final MailFiles files;

  public MailIntake(Parts parts) {
    this.p = parts;
    this.files = new MailFiles(parts.attachments(), parts.fileLimits(), parts.chatLog());
  }

  /** Succeeds once the mail is stored in a conversation (or was stored before); only then may it be marked seen. */
  public Future<Void> take(String siteKey, IncomingMail mail) {
    if (mail.fromAddress() == null || mail.fromAddress().isBlank()) {
      return Future.failedFuture(Failure.badInput("the mail has no sender address to answer"));
    }
    return p.threads().taken(siteKey, mail.messageId())
        .compose(taken -> taken ? Future.succeededFuture() : store(siteKey, mail));
  }

  private Future<Void> store(String siteKey, IncomingMail mail) {
    return p.threads().find(siteKey, MailThreading.tokenIn(mail.referencedIds()), mail.referencedIds())
        .compose(thread -> thread == null ? Future.<Conversation>succeededFuture() : p.conversations().find(thread.conversationId()))
        // a parked (pending, snoozed) conversation takes the reply too; WakeUps then opens it again
        .compose(c -> c != null && (c.isOpen() || c.isParked()) ? append(c, mail, false) : openNew(siteKey, mail, c))
        // the files after the text, and both before the mail is kept: a mail taken again finds what is missing
        .compose(appended -> p.conversations().find(appended.message().conversationId())
            .compose(c -> files.keep(c, mail, p.clock().instant())).map(appended))
        .compose(appended -> p.threads().add(appended.message().conversationId(), mail.messageId())
            .compose(v -> p.threads().keepOriginal(siteKey, mail.messageId(), appended.message().conversationId(),
                appended.message().seq(), mail.fromAddress(), mail.subject(), mail.text(), mail.sentAt())))
        // routed only now: the agent who gets a new conversation finds its files and the mail as it came
        .compose(v -> p.router().assignQueued(siteKey));
  }

  /**
   * A new mail, or a reply to a conversation that ended ({@code previous}: a left message, a chat, a
   * resolved e-mail): the sender's conversation of channel email (its open one, if it has one),
   * queued; routed once all of it is kept. A reply's new conversation follows up {@code previous},
   * so its agent finds what the customer answers; it stays the sender's, never the widget visitor's,
   * whose address was never proven and whose chats must not show mail.
   */
  private Future<ChatLog.Appended> openNew(String siteKey, IncomingMail mail, Conversation previous) {
    String address = mail.fromAddress();
    String follows = previous == null ? null : previous.id();
    return p.email().visitorOf(siteKey, address, p.clock().instant()).compose(visitorId ->
        p.email().openQueued(siteKey, visitorId, mail.fromName(), address, follows, p.clock().instant()).compose(created -> {
          if (created == null) {
            return p.conversations().findOpenOfVisitor(visitorId).compose(open -> open == null
                ? Future.failedFuture(Failure.conflict("busy", "the sender's conversation just closed, the mail is taken next time"))
                : startThread(open, mail).compose(c -> append(c, mail, false)));
          }
          return p.contacts().setContact(visitorId, mail.fromName(), address)
              .map(v -> announce(created))
              .compose(c -> startThread(c, mail))
              .compose(c -> append(c, mail, true));
        }));
  }

  private Conversation announce(Conversation c) {
    p.events().publish(new ChatRequested(c.siteKey(), c.id(), c.visitorId(), c.visitorName(), c.visitorEmail(), false));
    p.events().publish(new ChatQueued(c.siteKey(), c.id(), c.visitorId(), QueueReason.NEW));
    return c;
  }

  private Future<Conversation> startThread(Conversation c, IncomingMail mail) {
    MailThread fresh = new MailThread(c.id(), c.siteKey(), p.threading().newToken(), mail.fromAddress(), mail.fromName(),
        mail.subject(), List.of());
    return p.threads().start(fresh).map(c);
  }

  /** The mail's new text as the visitor's message; the first one of a conversation shows the subject above it. */
  private Future<ChatLog.Appended> append(Conversation c, IncomingMail mail, boolean showSubject) {
    String body = QuoteTrimmer.visible(mail.text());
    String subject = mail.subject() == null || mail.subject().isBlank() ? "" : mail.subject().strip() + "\n\n";
    String text = QuoteTrimmer.clean((showSubject ? subject : "") + body, p.maxMessageLength());
    return p.chatLog().append(c, ChatMessage.Sender.VISITOR, c.visitorId(), mail.fromName(), text.isBlank() ? "(…)" : text,
        clientMsgId(mail.messageId()));
  }

  /** The same mail always gets the same message key, so taking it twice stores it once. */
  static String clientMsgId(String messageId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
      return "mail-" + HexFormat.of().formatHex(hash, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
