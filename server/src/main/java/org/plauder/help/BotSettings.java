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
      throw Failure.badInput("mode must be one of off, first, whenNoAgentFree");
    }
    if (!(minScore > 0 && minScore <= 100)) {
      throw Failure.badInput("minScore must be a number above 0 and at most 100");
    }
  }

  /** When the bot answers. */
  public enum Mode {
    /** Never. */
    OFF,
    /** While the visitor waits in the queue: it keeps its place, and an agent takes over as usual. */
    WHEN_NO_AGENT_FREE,
    /**
     * Before any agent: a first message the articles answer confidently is held out of the queue
     * and answered by the bot; the visitor says it helped, or hands over to a person.
     */
    FIRST;

    public String wire() {
      return switch (this) {
        case OFF -> "off";
        case WHEN_NO_AGENT_FREE -> "whenNoAgentFree";
        case FIRST -> "first";
      };
    }

    /** The mode of a wire name, or a 400 that lists them. */
    public static Mode fromWire(Object value) {
      for (Mode m : values()) {
        if (m.wire().equals(value)) {
          return m;
        }
      }
      throw Failure.badInput("mode must be one of off, first, whenNoAgentFree");
    }
  }
}
