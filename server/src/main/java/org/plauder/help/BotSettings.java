package org.plauder.help;

import org.plauder.protocol.Failure;

/**
 * A site's FAQ bot: whether it answers, and how sure the search must be. {@code minScore} is
 * compared with the best article's search score; the default was measured on the relevance set
 * ({@code BotThresholdTest}): above it for most real questions, below it for greetings and
 * questions the articles do not answer.
 */
public record BotSettings(Mode mode, double minScore) {

  public static final double DEFAULT_MIN_SCORE = 3.0;
  public static final BotSettings OFF = new BotSettings(Mode.OFF, DEFAULT_MIN_SCORE);

  public BotSettings {
    if (mode == null) {
      throw Failure.badInput("mode must be one of off, whenNoAgentFree");
    }
    if (!(minScore > 0 && minScore <= 100)) {
      throw Failure.badInput("minScore must be a number above 0 and at most 100");
    }
  }

  /** When the bot answers. ("first", before any agent sees the chat, is still to come.) */
  public enum Mode {
    /** Never. */
    OFF,
    /** While the visitor waits in the queue: it keeps its place, and an agent takes over as usual. */
    WHEN_NO_AGENT_FREE;

    public String wire() {
      return this == OFF ? "off" : "whenNoAgentFree";
    }

    /** The mode of a wire name, or a 400 that lists them. */
    public static Mode fromWire(Object value) {
      for (Mode m : values()) {
        if (m.wire().equals(value)) {
          return m;
        }
      }
      if ("first".equals(value)) {
        throw Failure.badInput("mode first is not available yet; use off or whenNoAgentFree");
      }
      throw Failure.badInput("mode must be one of off, whenNoAgentFree");
    }
  }
}
