package org.plauder.visitor;

import java.time.Instant;
import org.plauder.offer.Offer;

/**
 * A visitor with at least one tab open right now, as the live-visitors list and the offer rules
 * see it: the page it is on and since when, and the offer it has open, if any.
 */
public record OnlineVisitor(
    String id,
    String siteKey,
    String name,
    String url,
    String title,
    String language,
    Instant pageSince,
    Instant onlineSince,
    int pagesSeen,
    boolean returning,
    Offer openOffer,
    Instant lastSeenAt) {}
