package org.plauder.help;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.plauder.event.DomainEvent.ArticleChanged;
import org.plauder.event.DomainEvent.ArticleDeleted;
import org.plauder.event.DomainEvents;
import org.plauder.event.EventSink;
import org.plauder.protocol.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site's help articles: written and deleted through the store, announced as events, and found
 * through this node's {@link ArticleIndex}. The node that makes a change updates its own index
 * before it answers (so the admin who saved an article finds it at once); every other node
 * hears the event.
 */
public final class KnowledgeBase {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

  private final ArticleStore store;
  private final UnansweredQuestions unanswered;
  private final ArticleIndex index;
  private final EventSink events;
  private final Offload offload;
  private final Clock clock;

  public KnowledgeBase(ArticleStore store, UnansweredQuestions unanswered, ArticleIndex index, EventSink events, Offload offload,
      Clock clock) {
    this.store = store;
    this.unanswered = unanswered;
    this.index = index;
    this.events = events;
    this.offload = offload;
    this.clock = clock;
  }

  /** Every article of the site, drafts included: what agents and admins see. */
  public Future<List<Article>> ofSite(String siteKey) {
    return store.ofSite(siteKey);
  }

  /** The site's published articles in one language, titles in alphabetical order: a help centre's contents. */
  public Future<List<Article>> published(String siteKey, String language) {
    return store.ofSite(siteKey).map(all -> all.stream()
        .filter(a -> a.published() && a.language().equals(language))
        .sorted(java.util.Comparator.comparing(a -> a.title().toLowerCase(java.util.Locale.ROOT)))
        .toList());
  }

  /** The article of this site, or a 404. */
  public Future<Article> find(String siteKey, String id) {
    return store.find(siteKey, id).compose(KnowledgeBase::existing);
  }

  public Future<Article> create(ArticleDraft draft) {
    return store.insert(draft, now()).compose(this::changed);
  }

  /** Replaces the article's content, or a 404 when the site has no such article. */
  public Future<Article> update(String id, ArticleDraft draft) {
    return store.replace(id, draft, now()).compose(KnowledgeBase::existing).compose(this::changed);
  }

  /** Deletes the article, or a 404 when the site has no such article. */
  public Future<Void> delete(String siteKey, String id) {
    return store.remove(siteKey, id).compose(removed -> {
      if (!removed) {
        return Future.failedFuture(Failure.notFound("article"));
      }
      return offload.run(() -> {
        index.remove(siteKey, id);
        return null;
      }).onSuccess(v -> events.publish(new ArticleDeleted(siteKey, id))).mapEmpty();
    });
  }

  /** The best published articles for a visitor's question, in the given languages, best first. */
  public Future<List<ArticleHit>> search(String siteKey, String question, List<String> languages, int limit) {
    return offload.run(() -> index.search(siteKey, question, languages, limit));
  }

  /** As {@link #search}, for a visitor who searches: a question that finds nothing is counted for the editors. */
  public Future<List<ArticleHit>> searchFor(String siteKey, String question, List<String> languages, int limit) {
    return search(siteKey, question, languages, limit).compose(hits -> hits.isEmpty()
        ? unanswered.record(siteKey, question, clock.instant())
            .recover(e -> {
              log.warn("an unanswered question of {} was not counted: {}", siteKey, e.toString());
              return Future.succeededFuture();
            })
            .map(hits)
        : Future.succeededFuture(hits));
  }

  /** What visitors of the site searched for and did not find, the most often asked first. */
  public Future<List<UnansweredQuestions.Unanswered>> unanswered(String siteKey, int limit) {
    return unanswered.mostAsked(siteKey, limit);
  }

  /**
   * Keeps this node's index current with the changes of every node, then reads every article
   * from the store into it. Listening comes first: a change made meanwhile is newer than what
   * the store returned, and the index keeps the newer version.
   */
  public Future<Void> listenAndBuildIndex(DomainEvents domainEvents) {
    return domainEvents.onEveryNode(ArticleChanged.class, e -> offload.run(() -> {
          index.put(e.article());
          return null;
        }))
        .compose(v -> domainEvents.onEveryNode(ArticleDeleted.class, e -> offload.run(() -> {
          index.remove(e.siteKey(), e.articleId());
          return null;
        })))
        .compose(v -> store.all())
        .compose(all -> offload.run(() -> {
          index.putAll(all);
          return null;
        }));
  }

  /** Gives a site the demo articles unless it was given them before (a deleted one stays deleted). */
  public Future<Void> ensureFirstArticles(String siteKey) {
    return store.insertFirstArticles(siteKey, DemoArticles.of(siteKey), now()).mapEmpty();
  }

  private Future<Article> changed(Article article) {
    return offload.run(() -> {
      index.put(article);
      return article;
    }).onSuccess(a -> events.publish(new ArticleChanged(a.siteKey(), a)));
  }

  /** Millisecond precision, as the store keeps it, so that a version read back equals the one announced. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Future<Article> existing(Article article) {
    return article == null ? Future.failedFuture(Failure.notFound("article")) : Future.succeededFuture(article);
  }
}
