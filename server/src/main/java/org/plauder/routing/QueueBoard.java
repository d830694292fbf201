package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.agent.AgentStore;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.QueuedChat;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvent.Waiting;
import org.plauder.event.EventSink;

/**
 * Where each waiting chat stands: its position in the site's queue and an honest wait estimate,
 * told as {@link QueueChanged}. Announcements are coalesced: however many chats arrive or leave
 * within {@link #COALESCE_MILLIS}, the site's queue is read and told once.
 */
final class QueueBoard {

  /**
   * Each announcement is one frame to every agent on duty and one to every waiting visitor: with a
   * hundred agents, ten a second cost more than the routing they report. Four a second, as the
   * live-visitors feed, still looks live.
   */
  static final long COALESCE_MILLIS = 250;
  /** More waiting chats than any queue view shows. */
  static final int SHOWN = 1000;

  private final AgentStore agents;
  private final AssignmentPolicy policy;
  private final ConversationStore conversations;
  private final AssignmentRate rate;
  private final Scheduler scheduler;
  private final EventSink events;
  private final Clock clock;
  private final Set<String> announcing = ConcurrentHashMap.newKeySet();

  QueueBoard(AgentStore agents, ConversationStore conversations, AssignmentPolicy policy, AssignmentRate rate, Scheduler scheduler,
      EventSink events, Clock clock) {
    this.agents = agents;
    this.policy = policy;
    this.conversations = conversations;
    this.rate = rate;
    this.scheduler = scheduler;
    this.events = events;
    this.clock = clock;
  }

  /** The state of a conversation as its visitor sees it, with queue position while queued. */
  Future<ChatState> describe(String conversationId) {
    return conversations.find(conversationId).compose(c -> {
      if (c.status() != ConversationStatus.QUEUED) {
        return Future.succeededFuture(ChatState.of(c));
      }
      return conversations.queueHeads(c.siteKey(), SHOWN).map(queue -> {
        int position = positionOf(queue, c.id());
        return ChatState.queued(c, position, WaitEstimate.seconds(position, rate.recent(c.siteKey(), clock.instant())));
      });
    });
  }

  private static int positionOf(List<QueuedChat> queue, String conversationId) {
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).conversationId().equals(conversationId)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Announces the site's queue shortly, once for everything that changes it until then. */
  Future<Void> announce(String siteKey) {
    if (announcing.add(siteKey)) {
      scheduler.later(COALESCE_MILLIS, () -> {
        announcing.remove(siteKey);
        announceNow(siteKey);
      });
    }
    return Future.succeededFuture();
  }

  /** Every waiting chat with position and estimate, and who is on duty. */
  private Future<Void> announceNow(String siteKey) {
    long assignedRecently = rate.recent(siteKey, clock.instant());
    return Future.all(conversations.queueHeads(siteKey, SHOWN), agents.ofSite(siteKey), policy.now(siteKey)).map(all -> {
      List<QueuedChat> queue = all.resultAt(0);
      List<Agent> siteAgents = all.resultAt(1);
      AssignmentPolicy online = all.resultAt(2);
      List<Waiting> waiting = new ArrayList<>();
      for (int i = 0; i < queue.size(); i++) {
        QueuedChat c = queue.get(i);
        waiting.add(new Waiting(c.conversationId(), c.visitorId(), c.visitorName(), c.waitingSince(), i + 1,
            WaitEstimate.seconds(i + 1, assignedRecently), c.needs(), c.card()));
      }
      boolean anyoneOnline = siteAgents.stream().anyMatch(online::isOnline);
      List<String> onDuty = siteAgents.stream().filter(a -> a.status() != AgentStatus.OFFLINE).map(Agent::id).toList();
      events.publish(new QueueChanged(siteKey, waiting, anyoneOnline, onDuty));
      return null;
    });
  }
}
