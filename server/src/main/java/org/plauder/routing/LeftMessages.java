package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import org.plauder.auth.Identity;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ConversationStore;
import org.plauder.event.DomainEvent.ChatRequested;
import org.plauder.event.EventSink;
import org.plauder.routing.ChatRouter.FirstMessage;
import org.plauder.routing.ChatRouter.LeftMessage;
import org.plauder.visitor.VisitorContacts;

/**
 * Messages left while no agent was online: stored as an offline conversation that agents find
 * among the offline ones. A resend (same clientMsgId) stores nothing twice and is announced once.
 */
final class LeftMessages {

  private final ConversationStore conversations;
  private final VisitorContacts visitors;
  private final ChatLog chatLog;
  private final EventSink events;
  private final Clock clock;

  LeftMessages(ConversationStore conversations, VisitorContacts visitors, ChatLog chatLog, EventSink events, Clock clock) {
    this.conversations = conversations;
    this.visitors = visitors;
    this.chatLog = chatLog;
    this.events = events;
    this.clock = clock;
  }

  Future<LeftMessage> leave(Identity visitor, String name, String email, FirstMessage message) {
    return conversations.insertLeftMessage(visitor.siteKey(), visitor.id(), message.clientMsgId(), name, email, clock.instant())
        .compose(c -> visitors.setContact(visitor.id(), name, email)
            .compose(v -> chatLog.append(c, ChatMessage.Sender.VISITOR, visitor.id(), name, message.text(), message.clientMsgId()))
            .map(appended -> {
              if (!appended.duplicate()) {
                events.publish(new ChatRequested(c.siteKey(), c.id(), visitor.id(), name, email, true));
              }
              return new LeftMessage(c.id(), appended.message().seq(), appended.masked());
            }));
  }
}
