package org.plauder.bot;

import io.vertx.core.Future;
import java.time.Clock;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.Conversation;
import org.plauder.help.BotAnswerLog;
import org.plauder.help.BotAnswerLog.Outcome;
import org.plauder.protocol.Failure;
import org.plauder.routing.ChatRouter;

/**
 * The two ways out of a chat the bot holds, each written down for the reports: "that answers it"
 * ({@link #settle}: the chat ends self-served) and "talk to a person" ({@link #handOver}: the chat
 * joins the queue as any new one, with the bot's exchange in it).
 */
public final class HeldChatExits {

  private final ChatRouter router;
  private final BotAnswerLog answers;
  private final Clock clock;

  public HeldChatExits(ChatRouter router, BotAnswerLog answers, Clock clock) {
    this.router = router;
    this.answers = answers;
    this.clock = clock;
  }

  /** The held chat joins the queue; the chat state after (also when it had been handed over already). */
  public Future<ChatState> handOver(Conversation c) {
    return router.release(c)
        .compose(released -> released ? answers.decided(c.id(), Outcome.HANDED_OVER, clock.instant()) : Future.succeededFuture())
        .compose(v -> router.describe(c.id()));
  }

  /** The held chat ends, self-served; 409 {@code not_held} once a person has it or it has ended. */
  public Future<Conversation> settle(Conversation c) {
    return router.settle(c).compose(closed -> closed != null
        ? answers.decided(c.id(), Outcome.SELF_SERVED, clock.instant()).map(closed)
        : Future.failedFuture(Failure.conflict("not_held", "this chat is with a person now, or has ended")));
  }
}
