package org.plauder.help;

import java.time.Instant;
import java.util.List;

/**
 * One help article of a site's knowledge base: written in Markdown by an admin, in one language,
 * with keywords that say what visitors call its subject. Only published articles reach visitors.
 */
public record Article(
    String id,
    String siteKey,
    String language,
    String title,
    String body,
    List<String> keywords,
    boolean published,
    Instant updatedAt) {

  public Article {
    keywords = List.copyOf(keywords);
  }
}
