package org.plauder.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One step in a conversation's routing, kept so that a team lead can answer "why did Anna get
 * this chat?": the rule that decided, who got it (and from whom, for a hand-over), and the
 * agents that were considered with their load and free slots as routing saw them.
 */
public record RoutingStep(Instant at, Rule rule, String agentId, String agentName, String fromAgentId, String fromAgentName,
    List<Candidate> candidates) {

  public RoutingStep {
    candidates = List.copyOf(candidates);
  }

  /** An agent routing considered: its load and free slots at that moment. */
  public record Candidate(String agentId, String name, int load, int freeSlots) {}

  /** What decided the step; {@link #wire()} is its name in the protocol. */
  public enum Rule {
    LEAST_LOADED("least-loaded"),
    STICKY("sticky"),
    SKILL("skill"),
    FALLBACK("fallback"),
    INVITATION("invitation"),
    TAKE("take"),
    TRANSFER("transfer"),
    REASSIGN_NO_REPLY("reassign-no-reply"),
    TAKE_OVER("take-over"),
    REQUEUE("requeue"),
    AGENT_LOST("agent-lost");

    private final String wire;

    Rule(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Rule fromWire(String wire) {
      for (Rule r : values()) {
        if (r.wire.equals(wire)) {
          return r;
        }
      }
      throw new IllegalArgumentException("unknown routing rule " + wire);
    }
  }
}
