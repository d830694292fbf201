package org.plauder.transcript;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.plauder.Services;
import org.plauder.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes ended conversations (and their messages and files) older than their site's retention, at start
 * and then every hour. MongoDB TTL indexes would do this on a real server, but the embedded
 * database ignores them, so the job runs the same everywhere.
 */
public final class RetentionJob extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  private static final Duration INTERVAL = Duration.ofHours(1);
  private static final int BATCH = 500;

  private final Services services;
  private long timer = -1;

  public RetentionJob(Services services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(30_000, INTERVAL.toMillis(), id -> purgeExpired(services.clock().instant())
        .onFailure(e -> log.warn("retention run failed: {}", e.toString())));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** Deletes what has expired by {@code now}; returns how many conversations went. */
  public Future<Long> purgeExpired(Instant now) {
    return services.sites().withRetention().compose(sites -> {
      Future<Long> total = Future.succeededFuture(0L);
      for (Site site : sites) {
        Instant cutoff = now.minus(Duration.ofDays(site.retentionDays()));
        total = total.compose(sum -> purgeSite(site.key(), cutoff).map(n -> sum + n));
      }
      return total;
    }).onSuccess(n -> {
      if (n > 0) {
        log.info("retention removed {} conversations", n);
      }
    });
  }

  private Future<Long> purgeSite(String siteKey, Instant cutoff) {
    return services.conversations().endedBefore(siteKey, cutoff, BATCH).compose(ended -> deleteWithMessages(ended)
        .compose(n -> ended.size() == BATCH ? purgeSite(siteKey, cutoff).map(more -> n + more) : Future.succeededFuture(n)));
  }

  /** Files and messages first: a crash in between leaves a conversation without them, never orphaned ones. */
  private Future<Long> deleteWithMessages(Map<String, Long> lastSeqs) {
    List<String> conversationIds = List.copyOf(lastSeqs.keySet());
    return new org.plauder.store.Files(services.database()).deleteOfConversations(conversationIds)
        .compose(f -> services.messageStore().deleteOfConversations(lastSeqs))
        .compose(m -> services.conversations().deleteByIds(conversationIds));
  }
}
