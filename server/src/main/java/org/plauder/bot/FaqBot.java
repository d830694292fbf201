package org.plauder.bot;

import io.vertx.core.Future;
import java.util.function.Function;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvents;
import org.plauder.help.BotSettings;
import org.plauder.help.KnowledgeBase;
import org.plauder.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FAQ bot: while a visitor waits in the queue, each question it sends is looked up in the
 * site's help articles, and when the search is sure enough the bot answers with the best ones.
 * The visitor keeps its place, and the agent who takes the chat sees the exchange in it. When
 * the search is not sure, the bot says nothing (the visitor is waiting for a person anyway). A
 * listener on {@code MessageAppended}: the router knows nothing of it.
 */
public final class FaqBot {

  private static final Logger log = LoggerFactory.getLogger(FaqBot.class);

  private final Function<String, Future<BotSettings>> settings;
  private final CachedReads<String, Site> sites;
  private final CachedReads<String, Conversation> conversations;
  private final KnowledgeBase articles;
  private final ChatLog chatLog;
  private final String publicUrl;

  public FaqBot(Function<String, Future<BotSettings>> settings, CachedReads<String, Site> sites,
      CachedReads<String, Conversation> conversations, KnowledgeBase articles, ChatLog chatLog, String publicUrl) {
    this.settings = settings;
    this.sites = sites;
    this.conversations = conversations;
    this.articles = articles;
    this.chatLog = chatLog;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Listens on this node: each message is announced once in the cluster, so the bot answers once. */
  public Future<Void> listen(DomainEvents events) {
    return events.on(MessageAppended.class, this::onMessage);
  }

  private void onMessage(MessageAppended event) {
    ChatMessage question = event.message();
    if (question.sender() != ChatMessage.Sender.VISITOR) {
      return;
    }
    conversations.get(question.conversationId())
        .compose(c -> c == null || c.status() != ConversationStatus.QUEUED ? Future.succeededFuture()
            : settings.apply(c.siteKey()).compose(bot -> bot.mode() == BotSettings.Mode.WHEN_NO_AGENT_FREE
                ? answer(c, question, bot) : Future.succeededFuture()))
        .onFailure(e -> log.warn("the FAQ bot could not answer in {}: {}", question.conversationId(), e.toString()));
  }

  private Future<Void> answer(Conversation c, ChatMessage question, BotSettings bot) {
    return sites.get(c.siteKey())
        .compose(site -> articles.search(c.siteKey(), question.text(), site.languages(), BotDecision.MAX_ARTICLES))
        .compose(hits -> BotDecision.answer(hits, bot.minScore())
            // One answer per question, also when the event is heard twice: the clientMsgId is unique in the conversation.
            .map(sure -> chatLog.append(c, ChatMessage.Sender.BOT, "bot", BotReplies.name(sure.language()),
                BotReplies.whileWaiting(sure.language(), sure.articles(), publicUrl), "bot-" + question.seq()).<Void>mapEmpty())
            .orElse(Future.succeededFuture()));
  }
}
