package org.plauder.help;

import java.time.Instant;
import java.util.Map;

/** The shipped demo articles in an index of site "demo", each with its file name ("de-versand") as id. */
final class DemoIndex {

  private DemoIndex() {}

  static ArticleIndex build() {
    ArticleIndex index = new ArticleIndex();
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    for (Map.Entry<String, ArticleDraft> e : DemoArticles.byName("demo").entrySet()) {
      ArticleDraft d = e.getValue();
      index.put(new Article(e.getKey(), "demo", d.language(), d.title(), d.body(), d.keywords(), d.published(), at));
    }
    return index;
  }
}
