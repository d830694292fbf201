package org.plauder.mail;

import io.vertx.core.Future;
import java.util.List;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.MailThread;
import org.plauder.event.CachedReads;
import org.plauder.protocol.Failure;
import org.plauder.site.Mailbox;
import org.plauder.site.Site;
import org.plauder.store.MailThreads;
import org.plauder.store.Mailboxes;

/**
 * An agent answers by e-mail what no chat can reach any more: a message left while nobody was
 * online, or a chat that has ended. The conversation gets an e-mail thread (to the address the
 * visitor gave) and the answer is stored as the agent's message, which {@link MailReplies} sends;
 * the customer's reply comes back as an e-mail conversation.
 */
public final class EmailAnswers {

  private final MailThreads threads;
  private final Mailboxes mailboxes;
  private final CachedReads<String, Site> sites;
  private final ChatLog chatLog;
  private final MailThreading threading;

  public EmailAnswers(MailThreads threads, Mailboxes mailboxes, CachedReads<String, Site> sites, ChatLog chatLog,
      MailThreading threading) {
    this.threads = threads;
    this.mailboxes = mailboxes;
    this.sites = sites;
    this.chatLog = chatLog;
    this.threading = threading;
  }

  /** Stores the answer (once per clientMsgId) and has it sent; refused when there is no address or no mailbox. */
  public Future<ChatLog.Appended> answer(Conversation c, String agentId, String agentName, String text, String clientMsgId) {
    if (c.isOpen()) {
      return Future.failedFuture(Failure.conflict("conversation_open", "answer an open conversation in the conversation itself"));
    }
    if (c.visitorEmail() == null && !Conversation.EMAIL.equals(c.channel())) {
      return Future.failedFuture(Failure.conflict("no_email", "the visitor left no e-mail address"));
    }
    return Future.all(mailboxes.find(c.siteKey()), sites.get(c.siteKey())).compose(all -> {
      Mailbox box = all.resultAt(0);
      if (box == null || !box.enabled()) {
        return Future.failedFuture(Failure.conflict("email_unavailable", "connect the site's mailbox in the site settings first"));
      }
      MailThread fresh = new MailThread(c.id(), c.siteKey(), threading.newToken(), c.visitorEmail(), c.visitorName(),
          subjectFor(all.resultAt(1), c), List.of());
      return threads.start(fresh)
          .compose(thread -> chatLog.append(c, ChatMessage.Sender.AGENT, agentId, agentName, text, clientMsgId));
    });
  }

  private static String subjectFor(Site site, Conversation c) {
    String name = site == null ? "" : " " + site.name();
    boolean german = site != null && !site.languages().isEmpty() && "de".equals(site.languages().get(0));
    if (c.status() == ConversationStatus.OFFLINE) {
      return german ? "Ihre Nachricht an" + name : "Your message to" + name;
    }
    return german ? "Ihr Chat mit" + name : "Your chat with" + name;
  }
}
