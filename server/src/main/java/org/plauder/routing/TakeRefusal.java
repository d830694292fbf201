package org.plauder.routing;

import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.protocol.Failure;

/** Why an agent could not take a chat from the queue, in words it can act on. Pure: the agent as it is now in, a failure out. */
final class TakeRefusal {

  private TakeRefusal() {}

  static Failure of(Agent agent) {
    if (agent == null || agent.disabled()) {
      return Failure.conflict("no_capacity", "this account cannot take chats");
    }
    if (agent.status() != AgentStatus.ONLINE) {
      return Failure.conflict("not_online", "you are " + agent.status().wire() + ": set yourself online to take a chat");
    }
    if (agent.freeSlots() == 0) {
      return Failure.conflict("no_capacity", "all " + agent.maxChats() + " of your chat slots are in use: close a chat or raise your limit");
    }
    return Failure.conflict("not_connected", "open your dashboard to take a chat: without it you get no chats");
  }
}
