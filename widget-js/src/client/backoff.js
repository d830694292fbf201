// Delays between reconnect attempts: exponential, capped, with jitter so that many clients that
// lost the server at the same moment do not all come back at the same moment.

/**
 * The two profiles. Visitors are many and can wait: a wide spread keeps a restarted server from
 * being flooded. Agents are few and work live, so they come back sooner.
 */
export const BACKOFF = {
  visitor: { baseMs: 1000, maxMs: 30000 },
  agent: { baseMs: 500, maxMs: 15000 },
};

/**
 * The delay before reconnect attempt number {@code attempt} (0 for the first): a random value
 * between half and all of min(max, base * 2^attempt). {@code random} returns [0, 1).
 */
export function reconnectDelay(attempt, random = Math.random, { baseMs, maxMs } = BACKOFF.visitor) {
  const ceiling = Math.min(maxMs, baseMs * Math.pow(2, Math.max(0, Math.min(attempt, 30))));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
