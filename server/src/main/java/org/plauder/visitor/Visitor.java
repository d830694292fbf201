package org.plauder.visitor;

import java.time.Duration;
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

  /** A visit ends after this long without a page view; what comes later is the next visit. */
  public static final Duration VISIT_GAP = Duration.ofMinutes(30);

  public boolean isReturning() {
    return visits > 1;
  }

  /**
   * Whether coming back at {@code now} is a new visit: only after {@link #VISIT_GAP} without a
   * page view, so page changes, reloads and more tabs belong to the visit they are part of.
   */
  public boolean startsNewVisitAt(Instant now) {
    return lastSeenAt == null || !now.isBefore(lastSeenAt.plus(VISIT_GAP));
  }
}
