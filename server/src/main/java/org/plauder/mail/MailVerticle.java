package org.plauder.mail;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.shareddata.Lock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.Conversation;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.SiteChanged;
import org.plauder.event.DomainEvents;
import org.plauder.site.Mailbox;
import org.plauder.site.Site;
import org.plauder.store.Files;
import org.plauder.store.MailThreads;
import org.plauder.store.Mailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail channel of a node: sends agents' answers ({@link MailReplies}) and watches the
 * switched-on mailboxes ({@link MailboxWatch}). Each mailbox is watched by one node of the
 * cluster, the one holding its lock; the others try again every {@code claimSeconds}, so a
 * mailbox whose node stopped is taken over. An admin's change of a mailbox ({@code SiteChanged})
 * restarts its watch with the new settings.
 */
public final class MailVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MailVerticle.class);
  private static final int WORKER_THREADS = 16;

  /** What the verticle needs: the events, the stores, the intake, what replies read and write, how often mailboxes are claimed. */
  public record Parts(DomainEvents events, Mailboxes mailboxes, MailThreads threads, MailIntake intake,
      CachedReads<String, Site> sites, CachedReads<String, Conversation> conversations, ChatLog chatLog, int claimSeconds,
      Files files) {}

  private final Parts parts;
  private final Map<String, Watched> watched = new HashMap<>();
  private WorkerExecutor workers;
  private long claimTimer;

  private record Watched(MailboxWatch watch, Lock lock) {}

  public MailVerticle(Parts parts) {
    this.parts = parts;
  }

  @Override
  public Future<?> start() {
    // IDLE holds a thread per mailbox for up to its poll interval: a pool of its own, not Vert.x's workers.
    workers = vertx.createSharedWorkerExecutor("plauder-mail", WORKER_THREADS, 1, TimeUnit.HOURS);
    MailReplies replies = new MailReplies(parts.threads(), parts.mailboxes(), parts.sites(), parts.conversations(), parts.chatLog(),
        workers, parts.files());
    claimTimer = vertx.setPeriodic(parts.claimSeconds() * 1000L, t -> claimMailboxes());
    return Future.all(
        parts.events().on(MessageAppended.class, replies::onAppended),
        parts.events().onEveryNode(SiteChanged.class, e -> release(e.siteKey()).onComplete(v -> claimMailboxes())))
        .onSuccess(v -> claimMailboxes());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(claimTimer);
    return Future.all(List.copyOf(watched.keySet()).stream().map(this::release).toList())
        .eventually(() -> workers.close());
  }

  /** Starts watching every switched-on mailbox that no node watches yet. */
  private void claimMailboxes() {
    parts.mailboxes().enabled().onSuccess(boxes -> boxes.forEach((siteKey, box) -> {
      if (!watched.containsKey(siteKey)) {
        claim(siteKey, box);
      }
    })).onFailure(e -> log.warn("mailboxes not read: {}", e.toString()));
  }

  private void claim(String siteKey, Mailbox box) {
    vertx.sharedData().getLockWithTimeout("plauder.mailbox." + siteKey, 1).onSuccess(lock -> {
      if (watched.containsKey(siteKey)) {
        lock.release();
        return;
      }
      MailboxWatch watch = new MailboxWatch(vertx, workers, siteKey, box, parts.intake());
      watched.put(siteKey, new Watched(watch, lock));
      watch.start();
    });
  }

  private Future<Void> release(String siteKey) {
    Watched w = watched.remove(siteKey);
    if (w == null) {
      return Future.succeededFuture();
    }
    return w.watch().stop().eventually(() -> {
      w.lock().release();
      return Future.succeededFuture();
    });
  }
}
