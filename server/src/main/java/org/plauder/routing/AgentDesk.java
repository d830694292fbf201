package org.plauder.routing;

import io.vertx.core.Future;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStore;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;

/** What an agent's dashboard starts from: the agent as stored, its active chats and its site's queue. */
public final class AgentDesk {

  /** The agent (null when it no longer exists), its active chats by assignment time, and the queue in order. */
  public record Desk(Agent agent, List<Conversation> active, List<Conversation> queue) {}

  private final AgentStore agents;
  private final ConversationStore conversations;

  public AgentDesk(AgentStore agents, ConversationStore conversations) {
    this.agents = agents;
    this.conversations = conversations;
  }

  public Future<Desk> of(String agentId, String siteKey) {
    return Future.all(agents.find(agentId), conversations.activeOfAgent(agentId), conversations.queuedOfSite(siteKey))
        .map(all -> new Desk(all.resultAt(0), all.resultAt(1), all.resultAt(2)));
  }
}
