package org.plauder.offer;

import java.util.List;

/** A site's offer rules and how long a visitor gets no further offer after one. */
public record OfferSettings(List<OfferRule> rules, int cooldownMinutes) {

  public static final int DEFAULT_COOLDOWN_MINUTES = 60;
}
