// The server's offers of help as the widget keeps them, and when the server says one is over.

/** An offer as the widget keeps it, or null when the push does not carry a usable one. */
export function offerOf(o) {
  if (!o || typeof o.id !== 'string' || typeof o.text !== 'string' || !o.text) return null;
  return { id: o.id, text: o.text, from: typeof o.from === 'string' && o.from ? o.from : null };
}

/**
 * Whether an offerClosed push ends {@code offer}. A push about an older offer leaves a newer one
 * shown; one without an id ends whatever is shown.
 */
export function closedBy(offer, push) {
  if (!offer || !push) return false;
  return typeof push.offerId !== 'string' || push.offerId === offer.id;
}
