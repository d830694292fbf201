package org.plauder.offer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides which offer rule is due next for a visitor, and when. Pure: the caller supplies the
 * time. Guards: never while the visitor chats or has an offer open, and at most one offer per
 * cooldown period (a dismissed offer counts too, so a "no" is respected for the whole period).
 * Whether an agent has room is checked by the caller when the offer is due.
 */
public final class OfferPlanner {

  /** The rule due next and the moment it becomes due. */
  public record Due(OfferRule rule, Instant at) {}

  private OfferPlanner() {}

  public static Optional<Due> nextDue(VisitorView v, List<OfferRule> rules, Duration cooldown, Instant now) {
    if (blocked(v, cooldown, now)) {
      return Optional.empty();
    }
    Due best = null;
    for (OfferRule rule : rules) {
      if (!rule.enabled() || !staticConditionsHold(rule, v)) {
        continue;
      }
      Instant at = v.pageSince();
      if (rule.minSecondsOnPage() != null) {
        at = later(at, v.pageSince().plusSeconds(rule.minSecondsOnPage()));
      }
      if (rule.minSecondsOnSite() != null) {
        at = later(at, v.onlineSince().plusSeconds(rule.minSecondsOnSite()));
      }
      if (best == null || at.isBefore(best.at())) {
        best = new Due(rule, at);
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether the guards forbid any offer now. */
  public static boolean blocked(VisitorView v, Duration cooldown, Instant now) {
    return v.chatting()
        || v.offerOpen()
        || within(v.lastOfferAt(), cooldown, now)
        || within(v.offerDismissedAt(), cooldown, now);
  }

  static boolean staticConditionsHold(OfferRule rule, VisitorView v) {
    if (rule.urlPattern() != null && !UrlGlob.matches(rule.urlPattern(), v.url())) {
      return false;
    }
    if (rule.minPagesSeen() != null && v.pagesSeen() < rule.minPagesSeen()) {
      return false;
    }
    if (rule.returning() != null && rule.returning() != v.returning()) {
      return false;
    }
    return rule.language() == null || rule.language().equals(v.language());
  }

  private static boolean within(Instant when, Duration period, Instant now) {
    return when != null && now.isBefore(when.plus(period));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
