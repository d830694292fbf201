package org.plauder.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * How long each bridge action takes from its arrival to its reply, per action address, as a
 * histogram: the latency a visitor or agent waits for every ack.
 */
public final class AckLatency {

  public static final String NAME = "plauder.ack.latency";

  /** Times one action; made once, when the action's handler is registered. */
  @FunctionalInterface
  public interface Recorder {
    /** The action replied ({@code ok}) or failed; {@code arrivedNanos} is {@link System#nanoTime()} at its arrival. */
    void replied(boolean ok, long arrivedNanos);
  }

  private static final Recorder NONE = (ok, arrivedNanos) -> { };

  private final MeterRegistry registry;

  /** @param registry null: records nothing */
  AckLatency(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The recorder of one action address, e.g. {@code visitor.send}; a bounded set, fixed by the code. */
  public Recorder forAction(String address) {
    if (registry == null) {
      return NONE;
    }
    Timer ok = timer(address, "ok");
    return (succeeded, arrivedNanos) -> {
      // Failed acks (rate limits, bad input) get their own series, made the first time one happens.
      Timer timer = succeeded ? ok : timer(address, "error");
      timer.record(System.nanoTime() - arrivedNanos, TimeUnit.NANOSECONDS);
    };
  }

  private Timer timer(String address, String outcome) {
    return Timer.builder(NAME)
        .description("Time from a bridge action's arrival to its reply")
        .tag("action", address)
        .tag("outcome", outcome)
        .serviceLevelObjectives(NodeMetrics.FAST_BUCKETS)
        .register(registry);
  }
}
