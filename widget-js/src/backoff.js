// Delays between reconnect attempts: exponential, capped, with jitter so that many widgets
// that lost the server at the same moment do not all come back at the same moment.

export const BACKOFF = { baseMs: 1000, maxMs: 30000 };

/**
 * The delay before reconnect attempt number {@code attempt} (0 for the first): a random value
 * between half and all of min(max, base * 2^attempt). {@code random} returns [0, 1).
 */
export function reconnectDelay(attempt, random = Math.random, { baseMs, maxMs } = BACKOFF) {
  const ceiling = Math.min(maxMs, baseMs * Math.pow(2, Math.max(0, Math.min(attempt, 30))));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
