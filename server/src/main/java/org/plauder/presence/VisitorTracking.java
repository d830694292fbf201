package org.plauder.presence;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.plauder.auth.Identity;
import org.plauder.event.DomainEvent.VisitorSeen;
import org.plauder.event.EventSink;
import org.plauder.offer.Offer;
import org.plauder.store.Visitors;
import org.plauder.visitor.OnlineVisitors;

/** Records the pages a visitor opens: in its history (visitor panel) and in its presence (live list, offer rules). */
public final class VisitorTracking {

  private final Visitors visitors;
  private final OnlineVisitors presence;
  private final EventSink events;
  private final Clock clock;

  public VisitorTracking(Visitors visitors, OnlineVisitors presence, EventSink events, Clock clock) {
    this.visitors = visitors;
    this.presence = presence;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The visitor opened a page ({@code languageTag} as the browser reports it, e.g. de-DE); returns
   * the offer it has open, so a tab that was between pages when an offer closed learns its state.
   */
  public Future<Offer> pageView(Identity visitor, String url, String title, String languageTag) {
    String language = languageTag == null ? null : languageTag.substring(0, Math.min(languageTag.length(), 2)).toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    return visitors.recordPageView(visitor.id(), url, title, now)
        .compose(stored -> presence.pageView(visitor.id(), visitor.siteKey(), url, title, language, now))
        .map(online -> {
          events.publish(new VisitorSeen(visitor.siteKey(), visitor.id(), url));
          return online == null ? null : online.openOffer();
        });
  }
}
