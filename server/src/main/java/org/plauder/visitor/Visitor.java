package org.plauder.visitor;

import java.time.Instant;
import java.util.List;

/**
 * An anonymous visitor of one site, minted by the server: what it told us (name, e-mail), the
 * pages it saw most recently, how often it came back, and when it last got or refused an offer.
 */
public record Visitor(
    String id,
    String siteKey,
    String name,
    String email,
    String userAgent,
    Instant createdAt,
    Instant lastSeenAt,
    int visits,
    int pageCount,
    PageVisit currentPage,
    List<PageVisit> pages,
    Instant lastOfferAt,
    Instant offerDismissedAt) {

  /** One page a visitor opened. */
  public record PageVisit(String url, String title, Instant at) {}

  public boolean isReturning() {
    return visits > 1;
  }
}
