// The visitor's last conversation from an earlier visit, shown read-only above a new chat: which
// history reply is one, and how much of it a collapsed view shows.

export const COLLAPSED_COUNT = 3;

/**
 * The ended conversation a history reply (asked without conversationId) is about, or null when it
 * is about an open chat or none at all.
 */
export function endedConversationOf(reply) {
  const c = reply && reply.conversation;
  if (!c || typeof c.id !== 'string' || !c.id) return null;
  return c.status === 'closed' || c.status === 'offline' ? c : null;
}

/**
 * What the earlier conversation shows: everything when expanded or short, else its last
 * {@code limit} messages; {@code hidden} is how many are left out.
 */
export function visibleEarlier(messages, expanded, limit = COLLAPSED_COUNT) {
  const all = Array.isArray(messages) ? messages : [];
  if (expanded || all.length <= limit + 1) return { shown: all, hidden: 0 };
  return { shown: all.slice(all.length - limit), hidden: all.length - limit };
}
