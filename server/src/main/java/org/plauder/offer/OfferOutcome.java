package org.plauder.offer;

import java.util.Locale;

/** What became of an offer, as counted per rule and in the reports. */
public enum OfferOutcome {
  SHOWN, ACCEPTED, DISMISSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
