package org.plauder.help;

import io.vertx.core.Future;
import java.util.List;

/** Where a site's articles are kept; implemented over MongoDB by {@code store.Articles}. */
public interface ArticleStore {

  /** Every article of the site, drafts too, newest change first. */
  Future<List<Article>> ofSite(String siteKey);

  /** Every article of every site: what a node indexes at start-up. */
  Future<List<Article>> all();

  /** The article with this id if it belongs to this site, else null. */
  Future<Article> find(String siteKey, String id);

  /** Stores a new article with a fresh id and returns it. */
  Future<Article> insert(ArticleDraft draft, java.time.Instant now);

  /** Replaces an article's content; null when the site has no article with this id. */
  Future<Article> replace(String id, ArticleDraft draft, java.time.Instant now);

  /** Removes an article of this site; false when there was none. */
  Future<Boolean> remove(String siteKey, String id);

  /**
   * Stores the articles unless this site was given its first articles before (a marker remembers
   * it, so articles an admin deleted stay deleted); true when they were stored now.
   */
  Future<Boolean> insertFirstArticles(String siteKey, List<ArticleDraft> drafts, java.time.Instant now);
}
