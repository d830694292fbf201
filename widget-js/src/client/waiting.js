// Who has waited longest for an answer. A chat waits from the first of the visitor's messages that
// no agent message has followed, until an agent writes; system lines and the FAQ bot's answers are
// no answer from a person. The agents' chat list can be sorted by it.

/** When the visitor began waiting for an answer (its message's ISO time), or null when an agent spoke last. */
export function waitingSince(messages) {
  let since = null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.sender === 'agent') break;
    if (m.sender === 'visitor' && m.time) since = m.time;
  }
  return since;
}

/** `items` with the longest waiting first (earliest `sinceOf(item)`), then those not waiting; ties keep their order. */
export function longestWaitFirst(items, sinceOf) {
  const keyed = items.map((item, index) => ({ item, index, since: sinceOf(item) }));
  keyed.sort((a, b) => {
    if (a.since && b.since) return Date.parse(a.since) - Date.parse(b.since) || a.index - b.index;
    if (a.since) return -1;
    if (b.since) return 1;
    return a.index - b.index;
  });
  return keyed.map((k) => k.item);
}
