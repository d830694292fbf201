package org.plauder.presence;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.event.DomainEvent.AgentLeft;
import org.plauder.event.DomainEvent.ChatQueued;
import org.plauder.event.DomainEvent.QueueReason;
import org.plauder.event.DomainEvents;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a visitor, in the chat and in the visitor's language, that its agent left (went away or
 * offline, {@code AgentLeft}) — and, when nobody of the site is online any more, that it may leave a
 * message instead: a system line, and the push {@code unattended}, on which the widget offers the
 * leave-a-message form with the chat attached. A chat the leaving agent kept is told only when
 * nobody else is online; a chat it handed back to the queue ({@code AGENT_LEFT}) is told either way.
 */
public final class LeftAloneLines {

  private static final Logger log = LoggerFactory.getLogger(LeftAloneLines.class);

  private final LostConnectionLines lines;
  private final ConversationStore conversations;
  private final Function<String, Future<Boolean>> anyoneOnline;
  private final Inboxes inboxes;

  public LeftAloneLines(LostConnectionLines lines, ConversationStore conversations, Function<String, Future<Boolean>> anyoneOnline,
      Inboxes inboxes) {
    this.lines = lines;
    this.conversations = conversations;
    this.anyoneOnline = anyoneOnline;
    this.inboxes = inboxes;
  }

  /** The lines of a node, from its parts. */
  public static LeftAloneLines of(org.plauder.Services services) {
    return new LeftAloneLines(new LostConnectionLines(services.messages(), services.conversations(), services.caches().sites(),
        services.presence()), services.conversations(), services.router()::anyoneOnline, services.inboxes());
  }

  public Future<Void> listen(DomainEvents events) {
    return Future.all(
        events.on(AgentLeft.class, e -> {
          if (e.keptChats() > 0) {
            anyoneOnline.apply(e.siteKey())
                .compose(online -> online ? Future.succeededFuture(List.<Conversation>of()) : conversations.activeOfAgent(e.agentId()))
                .onSuccess(kept -> kept.forEach(c -> tell(c, e.agentId(), e.agentName(), true)))
                .onFailure(f -> log.warn("visitors of {} were not told that it left: {}", e.agentId(), f.toString()));
          }
        }),
        events.on(ChatQueued.class, e -> {
          if (e.reason() == QueueReason.AGENT_LEFT) {
            Future.all(anyoneOnline.apply(e.siteKey()), conversations.find(e.conversationId())).onSuccess(both -> {
              Conversation c = both.resultAt(1);
              if (c != null) {
                tell(c, e.fromAgentId(), e.fromAgentName(), !both.<Boolean>resultAt(0));
              }
            });
          }
        })).mapEmpty();
  }

  /** The line, German or English; {@code nobodyOnline}: the visitor is asked to leave a message instead of waiting. */
  static String text(String language, String agentName, boolean nobodyOnline) {
    String name = agentName == null ? ("de".equals(language) ? "Ihr Ansprechpartner" : "Your agent") : agentName;
    if ("de".equals(language)) {
      return nobodyOnline
          ? name + " ist nicht mehr erreichbar, und gerade ist niemand sonst online. Hinterlassen Sie uns eine Nachricht – wir antworten per E-Mail."
          : name + " ist nicht mehr da; gleich übernimmt eine Kollegin oder ein Kollege.";
    }
    return nobodyOnline
        ? name + " is no longer available, and nobody else is online right now. Leave us a message and we will answer by e-mail."
        : name + " has left; a colleague will take over shortly.";
  }

  private void tell(Conversation c, String agentId, String agentName, boolean nobodyOnline) {
    lines.language(c)
        .compose(language -> lines.append(c, text(language, agentName, nobodyOnline), "agent-left-" + agentId + "-" + c.lastSeq()))
        .onComplete(done -> {
          if (nobodyOnline) {
            inboxes.toVisitor(c.visitorId(), Json.push("unattended").put("conversationId", c.id()));
          }
        })
        .onFailure(f -> log.warn("the agent-left line of {} was not stored: {}", c.id(), f.toString()));
  }
}
