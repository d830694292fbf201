package org.plauder.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.plauder.help.Article;
import org.plauder.help.ArticleText;

/** Help articles on the wire, in the shapes editors, readers and the widget's search get them (the rest is in {@link Json}). */
public final class ArticleJson {

  private ArticleJson() {}

  /** A help article in a list: what an editor picks it by, without its text. */
  public static JsonObject articleSummary(Article a) {
    return new JsonObject()
        .put("id", a.id())
        .put("language", a.language())
        .put("title", a.title())
        .put("keywords", new JsonArray(a.keywords()))
        .put("published", a.published())
        .put("updatedAt", Json.time(a.updatedAt()));
  }

  /** A help article as agents see it: its Markdown and the sanitised HTML it becomes. */
  public static JsonObject article(Article a) {
    return articleForReaders(a)
        .put("body", a.body())
        .put("keywords", new JsonArray(a.keywords()))
        .put("published", a.published());
  }

  /** A published article as visitors see it: no Markdown, no keywords. */
  public static JsonObject articleForReaders(Article a) {
    return new JsonObject()
        .put("id", a.id())
        .put("language", a.language())
        .put("title", a.title())
        .put("html", ArticleText.html(a.body()))
        .put("updatedAt", Json.time(a.updatedAt()));
  }

  /** A search hit as visitors see it: enough to show a suggestion and open the article. */
  public static JsonObject articleHit(Article a, String url) {
    return new JsonObject()
        .put("id", a.id())
        .put("language", a.language())
        .put("title", a.title())
        .put("excerpt", ArticleText.excerpt(a.body(), 160))
        .put("url", url);
  }
}
