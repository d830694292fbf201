package org.plauder.help;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The published articles of every site, searchable, in this node's memory: one small Lucene
 * index per site, built from the store at start-up and kept current by article events (a node
 * loses nothing by restarting; it reads the articles again). Changes carry the article's
 * {@code updatedAt}, an older version never replaces a newer one, and a deleted article never
 * comes back, so events that cross the cluster in a different order still leave every node with
 * the same index. Thread-safe; every
 * call is plain computation in memory, without I/O.
 */
public final class ArticleIndex {

  /** Questions longer than this are cut: nobody types more into a search box, and it bounds the query. */
  public static final int MAX_QUESTION = 200;

  /** A load of at least this many articles is merged into one segment. */
  private static final int MERGE_AFTER = 100;

  private final Analyzer analyzer = HelpAnalysis.perField();
  private final Map<String, SiteIndex> sites = new ConcurrentHashMap<>();

  /** Adds or replaces the article; a draft is taken out (visitors never find drafts). */
  public void put(Article article) {
    putAll(List.of(article));
  }

  /** Adds or replaces many articles at once (start-up): each site's index is refreshed once, not per article. */
  public void putAll(List<Article> articles) {
    Map<String, List<Article>> bySite = new HashMap<>();
    articles.forEach(a -> bySite.computeIfAbsent(a.siteKey(), k -> new ArrayList<>()).add(a));
    bySite.forEach((siteKey, ofSite) -> site(siteKey).putAll(ofSite));
  }

  /** Takes the article out for good: a late change of it is ignored. */
  public void remove(String siteKey, String articleId) {
    site(siteKey).remove(articleId);
  }

  /** The best published articles for the question in these languages, best first; empty when nothing matches. */
  public List<ArticleHit> search(String siteKey, String question, List<String> languages, int limit) {
    SiteIndex index = sites.get(siteKey);
    String cut = question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question;
    Query query = ArticleQuery.of(cut, languages, analyzer);
    return index == null || query == null ? List.of() : index.search(query, limit);
  }

  /** How many published articles of the site can be found. */
  public int size(String siteKey) {
    SiteIndex index = sites.get(siteKey);
    return index == null ? 0 : index.size();
  }

  private SiteIndex site(String siteKey) {
    return sites.computeIfAbsent(siteKey, key -> new SiteIndex(analyzer));
  }

  /** One site's index and what it holds: the articles by id and the version each id was last seen at. */
  private static final class SiteIndex {

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Article> articles = new ConcurrentHashMap<>();
    private final Map<String, Instant> versions = new HashMap<>();

    SiteIndex(Analyzer analyzer) {
      try {
        writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
        searchers = new SearcherManager(writer, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void putAll(List<Article> changed) {
      try {
        for (Article article : changed) {
          if (!isNewer(article.id(), article.updatedAt())) {
            continue;
          }
          versions.put(article.id(), article.updatedAt());
          if (article.published()) {
            writer.updateDocument(new Term(ArticleFields.ID, article.id()), ArticleFields.of(article));
            articles.put(article.id(), article);
          } else {
            writer.deleteDocuments(new Term(ArticleFields.ID, article.id()));
            articles.remove(article.id());
          }
        }
        if (changed.size() >= MERGE_AFTER) {
          // After a bulk load one segment answers faster than the many small ones it was written in.
          writer.forceMerge(1);
        }
        searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void remove(String articleId) {
      versions.put(articleId, Instant.MAX);
      try {
        writer.deleteDocuments(new Term(ArticleFields.ID, articleId));
        articles.remove(articleId);
        searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private boolean isNewer(String articleId, Instant version) {
      Instant known = versions.get(articleId);
      return known == null || version.isAfter(known);
    }

    List<ArticleHit> search(Query query, int limit) {
      try {
        IndexSearcher searcher = searchers.acquire();
        try {
          List<ArticleHit> hits = new ArrayList<>();
          for (ScoreDoc scored : searcher.search(query, limit).scoreDocs) {
            String id = searcher.storedFields().document(scored.doc).get(ArticleFields.ID);
            Article article = articles.get(id);
            if (article != null) {
              hits.add(new ArticleHit(article, scored.score));
            }
          }
          return hits;
        } finally {
          searchers.release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int size() {
      return articles.size();
    }
  }
}
