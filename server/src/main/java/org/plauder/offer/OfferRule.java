package org.plauder.offer;

import java.util.Map;

/**
 * When to offer help to a visitor, and what to say. Every condition that is set must hold;
 * {@code returning} null means new and returning visitors alike. {@code messages} maps a
 * language ("de", "en", …) to the offer text.
 */
public record OfferRule(
    String id,
    String name,
    boolean enabled,
    Integer minSecondsOnPage,
    Integer minSecondsOnSite,
    String urlPattern,
    Integer minPagesSeen,
    Boolean returning,
    String language,
    Map<String, String> messages) {

  /** The text in the visitor's language, else English, else any. */
  public String messageFor(String visitorLanguage) {
    if (visitorLanguage != null && messages.containsKey(visitorLanguage)) {
      return messages.get(visitorLanguage);
    }
    if (messages.containsKey("en")) {
      return messages.get("en");
    }
    return messages.values().stream().findFirst().orElse("");
  }
}
