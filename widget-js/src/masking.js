// Whether the server hid a card number in a message the visitor sent, from the server's reply.

/**
 * {@code reply}: the requestChat reply or the send ack; {@code typed}: what the visitor wrote;
 * {@code stored}: the text the server stored (from history or a push), or null when not known yet.
 * The server's "masked": true decides. Without it, a reply can still hide a masking: a resend of a
 * message the server had stored already (the reply to the first try was lost) comes back as a
 * duplicate without the flag, and requestChat says nothing when it is false. Only then does the
 * stored text decide: it differs from the typed one and shows the server's "•" digits.
 */
export function serverMasked(reply, typed, stored) {
  if (reply && reply.masked === true) return true;
  if (reply && reply.masked === false && reply.duplicate === false) return false;
  return typeof stored === 'string' && stored !== typed && stored.includes('•');
}
