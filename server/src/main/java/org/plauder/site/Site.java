package org.plauder.site;

import java.util.List;

/** A tenant: one website that embeds the widget, with the origins allowed to use its key. */
public record Site(String key, String name, List<String> allowedOrigins, int defaultMaxChats, String offlineMessage) {}
