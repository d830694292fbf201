package org.plauder.abuse;

/**
 * How many frames one bridge socket may send. A page needs a handful at a time (a dashboard that
 * reconnects with many chats open asks for each chat's history at once), so a socket may send
 * {@link #FRAMES_AT_ONCE} at once and {@link #FRAMES_PER_SECOND} after that. A frame over the budget
 * is refused. A socket that goes on sending although its frames are refused — more than
 * {@link #REFUSALS_AT_ONCE}, forgiven slowly — is flooding and is cut off; after that nothing it
 * sends counts. One instance per socket, called on the socket's event loop.
 */
public final class SocketBudget {

  public static final int FRAMES_AT_ONCE = 100;
  public static final double FRAMES_PER_SECOND = 20;
  public static final int REFUSALS_AT_ONCE = 200;
  public static final double REFUSALS_FORGIVEN_PER_SECOND = 2;

  /** What to do with one frame. */
  public enum Verdict {
    /** Within the budget: serve it. */
    PASS,
    /** Over the budget: answer it with a refusal, at no cost to anyone else. */
    REFUSE,
    /** This frame made the socket a flood: close it (returned once). */
    CUT_OFF,
    /** The socket was cut off already: drop the frame. */
    DROP
  }

  private final TokenBucket frames;
  private final TokenBucket refusals;
  private boolean cutOff;

  public SocketBudget(long nowNanos) {
    this.frames = new TokenBucket(FRAMES_AT_ONCE, FRAMES_PER_SECOND, nowNanos);
    this.refusals = new TokenBucket(REFUSALS_AT_ONCE, REFUSALS_FORGIVEN_PER_SECOND, nowNanos);
  }

  /** Spends the budget on one frame that arrived at {@code nowNanos}. */
  public Verdict spend(long nowNanos) {
    if (cutOff) {
      return Verdict.DROP;
    }
    if (frames.tryTake(nowNanos)) {
      return Verdict.PASS;
    }
    if (refusals.tryTake(nowNanos)) {
      return Verdict.REFUSE;
    }
    cutOff = true;
    return Verdict.CUT_OFF;
  }
}
