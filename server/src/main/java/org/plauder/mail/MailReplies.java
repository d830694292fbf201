package org.plauder.mail;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.ByteArrayOutputStream;
import org.plauder.conversation.Attachment;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.MailThread;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.protocol.Failure;
import org.plauder.site.Mailbox;
import org.plauder.site.Site;
import org.plauder.store.Files;
import org.plauder.store.MailThreads;
import org.plauder.store.Reactive;
import org.plauder.store.Mailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener on {@link MessageAppended}: an agent's message in a conversation that has an e-mail
 * thread goes out as an e-mail in that thread, through the site's SMTP server, with its own
 * Message-ID (carrying the reply token) and In-Reply-To and References pointing at the thread.
 * When the server refuses it, a system message in the conversation says so.
 */
public final class MailReplies {

  private static final Logger log = LoggerFactory.getLogger(MailReplies.class);

  private final MailThreads threads;
  private final Mailboxes mailboxes;
  private final CachedReads<String, Site> sites;
  private final CachedReads<String, Conversation> conversations;
  private final ChatLog chatLog;
  private final WorkerExecutor workers;
  private final Files files;

  public MailReplies(MailThreads threads, Mailboxes mailboxes, CachedReads<String, Site> sites,
      CachedReads<String, Conversation> conversations, ChatLog chatLog, WorkerExecutor workers, Files files) {
    this.files = files;
    this.threads = threads;
    this.mailboxes = mailboxes;
    this.sites = sites;
    this.conversations = conversations;
    this.chatLog = chatLog;
    this.workers = workers;
  }

  public void onAppended(MessageAppended appended) {
    ChatMessage m = appended.message();
    if (m.sender() != ChatMessage.Sender.AGENT) {
      return;
    }
    // An open chat of the widget has no thread (only e-mail conversations and answered left
    // messages do): known from the node's cache, so chats cost no extra read.
    conversations.get(m.conversationId())
        .compose(c -> c != null && c.isOpen() && Conversation.CHAT.equals(c.channel())
            ? Future.<MailThread>succeededFuture() : threads.of(m.conversationId()))
        .compose(thread -> thread == null ? Future.<Void>succeededFuture() : send(appended.siteKey(), thread, m))
        .onFailure(e -> reportUnsent(m, e));
  }

  private Future<Void> send(String siteKey, MailThread thread, ChatMessage m) {
    return Future.all(mailboxes.find(siteKey), sites.get(siteKey), attachmentOf(m)).compose(all -> {
      Mailbox box = all.resultAt(0);
      Site site = all.resultAt(1);
      if (box == null || !box.enabled()) {
        return Future.failedFuture(new Failure(501, "email_unavailable", "the site has no mailbox switched on"));
      }
      String messageId = MailThreading.messageId(thread.token(), m.seq(), box.domain());
      OutgoingMail mail = new OutgoingMail(box.address(), site == null ? null : site.name(), thread.customerAddress(),
          thread.customerName(), MailThreading.replySubject(thread.subject()), m.text(), messageId, thread.lastMessageId(),
          MailThreading.references(thread.messageIds()), all.resultAt(2));
      return workers.<Void>executeBlocking(() -> {
        SmtpOutbox.send(box, mail);
        return null;
      }, false).compose(v -> threads.add(thread.conversationId(), messageId));
    });
  }

  /** The file the message carries, read from the store (at most the site's file limit), or null. */
  private Future<MailFile> attachmentOf(ChatMessage m) {
    Attachment a = m.attachment();
    if (a == null) {
      return Future.succeededFuture();
    }
    return Reactive.list(files.content(a.id())).map(buffers -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(a.size(), Integer.MAX_VALUE - 8));
      buffers.forEach(b -> {
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.writeBytes(chunk);
      });
      return new MailFile(a.name(), a.type(), bytes.toByteArray(), false);
    });
  }

  private void reportUnsent(ChatMessage m, Throwable e) {
    log.warn("answer {} of conversation {} not sent by e-mail: {}", m.seq(), m.conversationId(), e.toString());
    String why = e instanceof Failure f ? f.getMessage() : "the mail server did not accept it";
    conversations.get(m.conversationId()).compose(c -> c == null ? Future.succeededFuture()
        : chatLog.append(c, ChatMessage.Sender.SYSTEM, null, null,
            "E-Mail nicht gesendet / e-mail not sent (" + why + ")", "mail-unsent-" + m.seq()))
        .onFailure(err -> log.warn("could not note the unsent answer in {}: {}", m.conversationId(), err.toString()));
  }
}
