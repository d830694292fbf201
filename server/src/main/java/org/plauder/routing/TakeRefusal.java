package org.plauder.routing;

import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;
import org.plauder.protocol.Failure;

/**
 * Why an agent could not take a chat from the queue (or open a parked e-mail again), in words it can act on. Pure:
 * the agent as it is now and the slot the claim asked for in, a failure out. On a site that gives e-mails slots of
 * their own an e-mail is refused for a full e-mail slot count, whatever the agent's chat slots say.
 */
final class TakeRefusal {

  private TakeRefusal() {}

  /**
   * The refusal of a claim that asked for one of {@code emailSlots} e-mail slots (the site's limit for an e-mail on
   * a site that sets one), or for a chat slot when {@code emailSlots} is null.
   */
  static Failure of(Agent agent, Integer emailSlots) {
    if (agent == null || agent.disabled()) {
      return Failure.conflict("no_capacity", "this account cannot take chats");
    }
    if (agent.status() != AgentStatus.ONLINE) {
      return Failure.conflict("not_online", "you are " + agent.status().wire() + ": set yourself online to take a chat");
    }
    if (emailSlots != null && agent.emailLoad() >= emailSlots) {
      return Failure.conflict("no_email_capacity", "all " + emailSlots
          + " of your e-mail slots are in use: resolve or set an e-mail pending, or ask an admin for more");
    }
    if (emailSlots == null && agent.freeSlots() == 0) {
      return Failure.conflict("no_capacity", "all " + agent.maxChats() + " of your chat slots are in use: close a chat or raise your limit");
    }
    return Failure.conflict("not_connected", "open your dashboard to take a chat: without it you get no chats");
  }
}
