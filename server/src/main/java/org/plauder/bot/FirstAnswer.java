package org.plauder.bot;

import io.vertx.core.Future;
import java.time.Clock;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.ChatHeld;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.VisitorLeft;
import org.plauder.event.DomainEvents;
import org.plauder.help.BotAnswerLog;
import org.plauder.help.BotAnswerLog.BotAnswer;
import org.plauder.help.BotAnswerLog.Offered;
import org.plauder.help.BotAnswerLog.Outcome;
import org.plauder.routing.ChatRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FAQ bot in mode {@code first}: a listener on {@code ChatHeld} that answers the held chat's
 * first message with the best articles. The visitor then leaves the hold by one of its
 * {@link HeldChatExits}; anything else it writes while held hands over too: the bot answers once
 * and never traps anyone.
 */
public final class FirstAnswer {

  private static final Logger log = LoggerFactory.getLogger(FirstAnswer.class);

  private final BotSearch search;
  private final ChatRouter router;
  private final CachedReads<String, Conversation> conversations;
  private final ConversationStore openChats;
  private final ChatLog chatLog;
  private final BotAnswerLog answers;
  private final HeldChatExits exits;
  private final Clock clock;
  private final String publicUrl;

  public FirstAnswer(BotSearch search, ChatRouter router, CachedReads<String, Conversation> conversations,
      ConversationStore openChats, ChatLog chatLog, BotAnswerLog answers, Clock clock, String publicUrl) {
    this.search = search;
    this.router = router;
    this.conversations = conversations;
    this.openChats = openChats;
    this.chatLog = chatLog;
    this.answers = answers;
    this.exits = new HeldChatExits(router, answers, clock);
    this.clock = clock;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Listens on this node: the node that held the chat answers it, once. */
  public Future<Void> listen(DomainEvents events) {
    return Future.all(events.on(ChatHeld.class, this::onHeld), events.on(MessageAppended.class, this::onMessage),
        events.on(VisitorLeft.class, this::onLeft)).mapEmpty();
  }

  /** A visitor who left the site without answering the bot leaves no open chat behind (counted neither way). */
  private void onLeft(VisitorLeft left) {
    openChats.findOpenOfVisitor(left.visitorId())
        .compose(c -> c != null && c.isHeld() ? router.close(c, "visitor").mapEmpty() : Future.succeededFuture())
        .onFailure(e -> log.warn("the held chat of {} was not closed: {}", left.visitorId(), e.toString()));
  }

  private void onHeld(ChatHeld held) {
    ChatMessage question = held.question();
    conversations.get(held.conversationId())
        .compose(c -> search.firstAnswer(held.siteKey(), question.text()).compose(answer -> answer.isPresent()
            ? answer(c, question, answer.get())
            // The articles changed since the chat was held: a person answers.
            : router.release(c).mapEmpty()))
        .onFailure(e -> log.warn("the FAQ bot could not answer {} first: {}", held.conversationId(), e.toString()));
  }

  private Future<Void> answer(Conversation c, ChatMessage question, BotDecision.Answer answer) {
    BotAnswer record = new BotAnswer(c.id(), c.siteKey(), clock.instant(),
        answer.articles().stream().map(h -> new Offered(h.article().id(), h.article().title())).toList(), Outcome.PENDING);
    return answers.answered(record).compose(v -> chatLog.append(c, ChatMessage.Sender.BOT, "bot", BotReplies.name(answer.language()),
        BotReplies.first(answer.language(), answer.articles(), publicUrl), "bot-" + question.seq())).mapEmpty();
  }

  /** A visitor's later message in a held chat: a person answers it (the first message is the bot's). */
  private void onMessage(MessageAppended event) {
    ChatMessage m = event.message();
    if (m.sender() != ChatMessage.Sender.VISITOR || m.seq() <= 1) {
      return;
    }
    conversations.get(m.conversationId())
        .compose(c -> c != null && c.isHeld() ? exits.handOver(c).mapEmpty() : Future.succeededFuture())
        .onFailure(e -> log.warn("the FAQ bot could not hand {} over: {}", m.conversationId(), e.toString()));
  }
}
