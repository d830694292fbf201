package org.plauder.supervision;

import io.vertx.core.Future;
import java.time.Clock;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.Whisper;
import org.plauder.conversation.WhisperLog;
import org.plauder.event.DomainEvent.WhisperAdded;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;

/**
 * Whispers: notes in an open chat for agents only. The chat's agent may whisper (to a supervisor
 * watching), and so may an admin or supervisor of the site (to the agent). Stored apart from the
 * messages and announced as {@link WhisperAdded}; nothing of it goes to the visitor.
 */
public final class WhisperService {

  /** What became of a whisper: stored now, or the one stored before with that clientMsgId. */
  public record Whispered(Whisper whisper, boolean duplicate) {}

  private final WhisperLog log;
  private final EventSink events;
  private final Clock clock;

  public WhisperService(WhisperLog log, EventSink events, Clock clock) {
    this.log = log;
    this.events = events;
    this.clock = clock;
  }

  /** Throws the refusal unless {@code agent} may whisper in {@code c}: an open chat, as its agent, a supervisor or an admin. */
  public static void checkMayWhisper(Identity agent, Conversation c) {
    if (!c.isOpen()) {
      throw Failure.conflict("conversation_closed", "the conversation is closed");
    }
    if (!agent.id().equals(c.agentId()) && !agent.canSupervise()) {
      throw Failure.conflict("not_your_chat", "only the chat's agent, a supervisor or an admin can whisper in it");
    }
  }

  public Future<Whispered> whisper(Identity agent, String agentName, Conversation c, String text, String clientMsgId) {
    try {
      checkMayWhisper(agent, c);
    } catch (Failure refused) {
      return Future.failedFuture(refused);
    }
    Whisper w = new Whisper(c.id(), agent.id(), agentName, text, clientMsgId, clock.instant());
    return log.append(w).map(appended -> {
      if (appended) {
        events.publish(new WhisperAdded(c.siteKey(), c.agentId(), w));
      }
      return new Whispered(w, !appended);
    });
  }
}
