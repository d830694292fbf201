package org.plauder.agent;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Agents and their chat slots, as routing uses them. A slot is taken with one atomic update
 * (load + 1 only while the agent matches the selection and has room), so no agent ever holds
 * more than maxChats, whatever runs concurrently on however many nodes. Implemented over
 * MongoDB by {@code store.Agents}; in memory in the routing unit tests.
 */
public interface AgentStore {

  Future<Agent> find(String agentId);

  /** The site's agents, by name. */
  Future<List<Agent>> ofSite(String siteKey);

  /**
   * Takes one chat slot of the site's agent that {@code selection} ranks first among those it
   * allows, stamping its last assignment with {@code now}; null when it allows nobody.
   */
  Future<Agent> claimSlot(String siteKey, AgentSelection selection, Instant now);

  /** As {@link #claimSlot}, among the site's agents other than {@code exceptAgentId}. */
  Future<Agent> claimSlotExcept(String siteKey, String exceptAgentId, AgentSelection selection, Instant now);

  /** Takes one chat slot of this agent if {@code selection} allows it; null otherwise. */
  Future<Agent> claimSlotOf(String agentId, String siteKey, AgentSelection selection, Instant now);

  /** Gives back a chat slot taken by a claim. */
  default Future<Void> releaseSlot(String agentId) {
    return releaseSlot(agentId, false);
  }

  /** Gives back a slot taken by a claim: an e-mail slot ({@link AgentSelection#takesEmailSlot}) or a chat slot. */
  Future<Void> releaseSlot(String agentId, boolean emailSlot);

  Future<Agent> setStatus(String agentId, AgentStatus status);

  /** Sets the status only while it is still {@code expected}; null when it was not (another node was first). */
  Future<Agent> setStatusWhile(String agentId, AgentStatus expected, AgentStatus status);

  /** Every agent, of any site, whose load counts at least one chat or whose emailLoad at least one e-mail. */
  Future<List<Agent>> holdingSlots();

  /** As {@link #correctLoad}, for the e-mail slots of their own: emailLoad set to {@code activeEmails} while still {@code seenEmailLoad}. */
  Future<Boolean> correctEmailLoad(String agentId, int seenEmailLoad, int activeEmails);

  /**
   * Sets the agent's load to the chats it really has, but only while its load is still
   * {@code seenLoad} (nothing was claimed or given back since it was seen); true when corrected.
   */
  Future<Boolean> correctLoad(String agentId, int seenLoad, int activeChats);

  /** Sets maxChats, keeping the agent's free slots consistent with its load; null when there is no such agent. */
  Future<Agent> setMaxChats(String agentId, int maxChats);
}
