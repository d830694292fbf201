package org.plauder.help;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * What the FAQ bot answered before any agent (mode {@code first}) and how each of those chats
 * ended: settled by the answer, or handed over to a person. The reports count from it. The store
 * interface; {@code store.BotAnswers} keeps it.
 */
public interface BotAnswerLog {

  /** How a chat the bot answered first went on. */
  enum Outcome {
    /** Neither yet (or the visitor just left). */
    PENDING,
    /** The visitor said the answer helped; the chat ended without a person. */
    SELF_SERVED,
    /** The visitor asked for a person; the chat joined the queue. */
    HANDED_OVER;

    public String wire() {
      return switch (this) {
        case PENDING -> "pending";
        case SELF_SERVED -> "selfServed";
        case HANDED_OVER -> "handedOver";
      };
    }
  }

  /** An article the bot offered, as it was titled then. */
  record Offered(String articleId, String title) {}

  /** One chat the bot answered first. */
  record BotAnswer(String conversationId, String siteKey, Instant answeredAt, List<Offered> articles, Outcome outcome) {
    public BotAnswer {
      articles = List.copyOf(articles);
    }
  }

  /** Writes down an answer, as pending; a second write for the same chat changes nothing. */
  Future<Void> answered(BotAnswer answer);

  /** Records how the chat ended; only a pending answer changes. */
  Future<Void> decided(String conversationId, Outcome outcome, Instant at);

  /** The site's answers given in [from, to). */
  Future<List<BotAnswer>> between(String siteKey, Instant from, Instant to);
}
