package org.plauder.offer;

import java.time.Instant;

/** What the offer rules look at: where a visitor is, since when, and what happened with offers. */
public record VisitorView(
    String url,
    Instant pageSince,
    Instant onlineSince,
    int pagesSeen,
    boolean returning,
    String language,
    boolean chatting,
    boolean offerOpen,
    Instant lastOfferAt,
    Instant offerDismissedAt) {}
