package org.plauder.offer;

/**
 * A proactive offer shown to one visitor: made by a rule ({@code agentId} null, {@code from} null)
 * or by an agent's invitation ({@code ruleId} "invite", {@code from} the agent's name).
 */
public record Offer(String id, String ruleId, String text, String from, String agentId) {

  /** The rule id under which invitations are counted. */
  public static final String INVITATION = "invite";

  public boolean isInvitation() {
    return agentId != null;
  }
}
