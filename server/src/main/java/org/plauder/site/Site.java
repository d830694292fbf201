package org.plauder.site;

import java.util.List;

/**
 * A tenant: one website that embeds the widget, with the origins allowed to use its key and its
 * business settings. {@code retentionDays} null keeps conversations forever.
 */
public record Site(
    String key,
    String name,
    List<String> allowedOrigins,
    int defaultMaxChats,
    String offlineMessage,
    Integer retentionDays,
    boolean maskCardNumbers) {}
