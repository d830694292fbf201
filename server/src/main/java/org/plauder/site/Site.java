package org.plauder.site;

import java.util.List;

/**
 * A tenant: one website that embeds the widget, with the origins allowed to use its key and its
 * business settings. {@code retentionDays} null keeps conversations forever; {@code languages}
 * are those the widget may speak to this site's visitors, the first being the fallback;
 * {@code prechatForm} what a visitor is asked before a chat.
 */
public record Site(
    String key,
    String name,
    List<String> allowedOrigins,
    int defaultMaxChats,
    String offlineMessage,
    Integer retentionDays,
    boolean maskCardNumbers,
    List<String> languages,
    PrechatForm prechatForm) {

  /** A site without a pre-chat form. */
  public Site(String key, String name, List<String> allowedOrigins, int defaultMaxChats, String offlineMessage,
      Integer retentionDays, boolean maskCardNumbers, List<String> languages) {
    this(key, name, allowedOrigins, defaultMaxChats, offlineMessage, retentionDays, maskCardNumbers, languages, PrechatForm.NONE);
  }

  /** The languages the widget speaks; a site serves one or both. */
  public static final List<String> SUPPORTED_LANGUAGES = List.of("de", "en");
}
