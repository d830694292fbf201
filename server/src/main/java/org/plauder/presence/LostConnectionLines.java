package org.plauder.presence;

import io.vertx.core.Future;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.DomainEvent.TransferReason;
import org.plauder.event.DomainEvents;
import org.plauder.site.Site;
import org.plauder.visitor.OnlineVisitor;
import org.plauder.visitor.OnlineVisitors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the visitor, in the chat itself, that its agent lost the connection and who takes over
 * ("Anna lost the connection; Ben takes over."), so nobody is left wondering: a listener on the
 * hand-overs and requeues of {@link org.plauder.routing.ChatRouter#agentLost}. The line is a
 * system message in the chat's language (as the widget asked it), else the visitor's page's, else the site's first.
 */
public final class LostConnectionLines {

  private static final Logger log = LoggerFactory.getLogger(LostConnectionLines.class);

  private final ChatLog chatLog;
  private final ConversationStore conversations;
  private final CachedReads<String, Site> sites;
  private final OnlineVisitors visitorsOnline;

  public LostConnectionLines(ChatLog chatLog, ConversationStore conversations, CachedReads<String, Site> sites,
      OnlineVisitors visitorsOnline) {
    this.chatLog = chatLog;
    this.conversations = conversations;
    this.sites = sites;
    this.visitorsOnline = visitorsOnline;
  }

  public Future<Void> listen(DomainEvents events) {
    return Future.all(
        events.on(ChatTransferred.class, e -> {
          if (e.reason() == TransferReason.AGENT_LOST) {
            say(e.conversation(), e.fromAgentId(), e.fromAgentName(), e.conversation().agentName());
          }
        }),
        events.on(ChatQueued.class, e -> {
          if (e.reason() == QueueReason.AGENT_LOST) {
            conversations.find(e.conversationId()).onSuccess(c -> {
              if (c != null) {
                say(c, e.fromAgentId(), e.fromAgentName(), null);
              }
            });
          }
        })).mapEmpty();
  }

  /** The line, German or English; {@code takerName} null: the chat waits for the next free colleague. */
  static String text(String language, String lostName, String takerName) {
    if ("de".equals(language)) {
      return lostName + " hat die Verbindung verloren; "
          + (takerName == null ? "gleich übernimmt eine Kollegin oder ein Kollege." : takerName + " übernimmt.");
    }
    return lostName + " lost the connection; " + (takerName == null ? "a colleague will take over shortly." : takerName + " takes over.");
  }

  private void say(Conversation c, String lostId, String lostName, String takerName) {
    language(c).compose(language -> chatLog.append(c, ChatMessage.Sender.SYSTEM, null, null, text(language, lostName, takerName),
            "agent-lost-" + lostId + "-" + c.lastSeq()))
        .onFailure(e -> log.warn("the lost-connection line of {} was not stored: {}", c.id(), e.toString()));
  }

  /** The visitor's language: the one the chat was asked in, else its page's, else the site's first. */
  Future<String> language(Conversation c) {
    return Future.all(visitorsOnline.find(c.visitorId()), sites.get(c.siteKey())).map(both -> {
      OnlineVisitor visitor = both.resultAt(0);
      Site site = both.resultAt(1);
      String asked = c.needs().language();
      return asked != null && Site.SUPPORTED_LANGUAGES.contains(asked) ? asked
          : visitor != null && visitor.language() != null && Site.SUPPORTED_LANGUAGES.contains(visitor.language())
          ? visitor.language()
          : site == null || site.languages().isEmpty() ? "en" : site.languages().get(0);
    });
  }

  /** Appends a system line to the chat, once for this {@code clientMsgId}. */
  Future<Void> append(Conversation c, String text, String clientMsgId) {
    return chatLog.append(c, ChatMessage.Sender.SYSTEM, null, null, text, clientMsgId).mapEmpty();
  }
}
