package org.plauder.routing;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStore;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.QueueCard;
import org.plauder.conversation.QueuedChat;

/** What an agent's dashboard starts from: the agent as stored, its active chats and its site's queue. */
public final class AgentDesk {

  /**
   * The agent (null when it no longer exists), its active chats by assignment time, the queue in
   * order, and the queue's cards by conversation id (see {@link #cardOf}).
   */
  public record Desk(Agent agent, List<Conversation> active, List<Conversation> queue, Map<String, QueueCard> queueCards) {

    /** The first words and page of a waiting chat, {@link QueueCard#NONE} when it has none. */
    public QueueCard cardOf(String conversationId) {
      return queueCards.getOrDefault(conversationId, QueueCard.NONE);
    }
  }

  private final AgentStore agents;
  private final ConversationStore conversations;

  public AgentDesk(AgentStore agents, ConversationStore conversations) {
    this.agents = agents;
    this.conversations = conversations;
  }

  public Future<Desk> of(String agentId, String siteKey) {
    return Future.all(agents.find(agentId), conversations.activeOfAgent(agentId), conversations.queuedOfSite(siteKey),
            conversations.queueHeads(siteKey, QueueBoard.SHOWN))
        .map(all -> new Desk(all.resultAt(0), all.resultAt(1), all.resultAt(2), all.<List<QueuedChat>>resultAt(3).stream()
            .collect(Collectors.toMap(QueuedChat::conversationId, QueuedChat::card, (a, b) -> a))));
  }
}
