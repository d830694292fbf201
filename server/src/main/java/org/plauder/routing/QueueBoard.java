package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.agent.AgentStore;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvent.Waiting;
import org.plauder.event.EventSink;

/** Where each waiting chat stands: its position in the site's queue and an honest wait estimate, told as {@link QueueChanged}. */
final class QueueBoard {

  private final AgentStore agents;
  private final ConversationStore conversations;
  private final EventSink events;
  private final Clock clock;

  QueueBoard(AgentStore agents, ConversationStore conversations, EventSink events, Clock clock) {
    this.agents = agents;
    this.conversations = conversations;
    this.events = events;
    this.clock = clock;
  }

  /** The state of a conversation as its visitor sees it, with queue position while queued. */
  Future<ChatState> describe(String conversationId) {
    return conversations.find(conversationId).compose(c -> {
      if (c.status() != ConversationStatus.QUEUED) {
        return Future.succeededFuture(ChatState.of(c));
      }
      return Future.all(conversations.queuedOfSite(c.siteKey()), recentAssignments(c.siteKey())).map(all -> {
        int position = positionOf(all.resultAt(0), c.id());
        return ChatState.queued(c, position, WaitEstimate.seconds(position, all.resultAt(1)));
      });
    });
  }

  private static int positionOf(List<Conversation> queue, String conversationId) {
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).id().equals(conversationId)) {
        return i + 1;
      }
    }
    return 0;
  }

  private Future<Long> recentAssignments(String siteKey) {
    return conversations.countAssignedSince(siteKey, clock.instant().minus(WaitEstimate.WINDOW));
  }

  /** Announces the site's queue as it is now: every waiting chat with position and estimate, and who is on duty. */
  Future<Void> announce(String siteKey) {
    return Future.all(conversations.queuedOfSite(siteKey), recentAssignments(siteKey), agents.ofSite(siteKey)).map(all -> {
      List<Conversation> queue = all.resultAt(0);
      long assignedRecently = all.resultAt(1);
      List<Agent> siteAgents = all.resultAt(2);
      List<Waiting> waiting = new ArrayList<>();
      for (int i = 0; i < queue.size(); i++) {
        Conversation c = queue.get(i);
        waiting.add(new Waiting(c.id(), c.visitorId(), c.visitorName(), c.createdAt(), i + 1,
            WaitEstimate.seconds(i + 1, assignedRecently)));
      }
      boolean anyoneOnline = siteAgents.stream().anyMatch(a -> a.status() == AgentStatus.ONLINE && !a.disabled());
      List<String> onDuty = siteAgents.stream().filter(a -> a.status() != AgentStatus.OFFLINE).map(Agent::id).toList();
      events.publish(new QueueChanged(siteKey, waiting, anyoneOnline, onDuty));
      return null;
    });
  }
}
