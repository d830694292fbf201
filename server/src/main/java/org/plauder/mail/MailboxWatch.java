package org.plauder.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.plauder.site.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one site's mailbox: fetches the unseen mail, takes each into a conversation
 * ({@link MailIntake}) and marks it seen only once that is stored, then waits for news — with
 * IMAP IDLE where the server offers it (ended after {@code pollSeconds} at the latest, so a
 * silent connection is noticed), else by polling every {@code pollSeconds}. The IMAP calls run
 * on the mail worker threads; everything else on the verticle's event loop.
 */
final class MailboxWatch {

  private static final Logger log = LoggerFactory.getLogger(MailboxWatch.class);
  private static final int BATCH = 20;
  /** A mail that could not be taken in is tried again after this long (it stays unseen meanwhile). */
  private static final long RETRY_NANOS = TimeUnit.MINUTES.toNanos(5);

  private final Vertx vertx;
  private final WorkerExecutor workers;
  private final String siteKey;
  private final Mailbox box;
  private final MailIntake intake;
  private final ImapInbox inbox;
  private boolean stopped;
  private boolean failing;
  private long timer = -1;
  /** The UIDs of mails that could not be taken in, with when: they do not hold up the mail behind them. */
  private final Map<Long, Long> failedAt = new ConcurrentHashMap<>();

  MailboxWatch(Vertx vertx, WorkerExecutor workers, String siteKey, Mailbox box, MailIntake intake) {
    this.vertx = vertx;
    this.workers = workers;
    this.siteKey = siteKey;
    this.box = box;
    this.intake = intake;
    this.inbox = new ImapInbox(box);
  }

  void start() {
    cycle();
  }

  /** Ends a running IDLE and closes the connection. */
  Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return workers.executeBlocking(() -> {
      inbox.wakeUp();
      inbox.close();
      return null;
    }, false);
  }

  private void cycle() {
    if (stopped) {
      return;
    }
    workers.executeBlocking(() -> inbox.unseen(BATCH, this::triedRecently), false)
        .compose(this::takeAll)
        .onSuccess(allTaken -> {
          if (failing) {
            log.info("mailbox of site {} reachable again", siteKey);
            failing = false;
          }
          if (allTaken) {
            cycle();
          } else {
            waitForNews();
          }
        })
        .onFailure(e -> {
          if (!failing && !stopped) {
            log.warn("mailbox of site {} not read, trying again every {} s: {}", siteKey, box.pollSeconds(), e.toString());
          }
          failing = true;
          workers.executeBlocking(() -> {
            inbox.close();
            return null;
          }, false).onComplete(closed -> pollLater());
        });
  }

  /** Takes the mails one after the other; true when a full batch was taken (more may be waiting). */
  private Future<Boolean> takeAll(List<IncomingMail> mails) {
    Future<Integer> taken = Future.succeededFuture(0);
    for (IncomingMail mail : mails) {
      taken = taken.compose(count -> takeUnlessOwn(mail)
          .compose(v -> workers.<Void>executeBlocking(() -> {
            inbox.markSeen(mail.uid());
            return null;
          }, false))
          .map(v -> {
            failedAt.remove(mail.uid());
            return count + 1;
          })
          .recover(e -> {
            // It stays unseen in the mailbox and is tried again later.
            if (failedAt.put(mail.uid(), System.nanoTime()) == null && !stopped) {
              log.warn("mail {} of site {} not taken in, it stays in the mailbox: {}", mail.messageId(), siteKey, e.toString());
            }
            return Future.succeededFuture(count);
          }));
    }
    return taken.map(count -> count == BATCH);
  }

  /** A copy of Plauder's own answer (a mail server that files sent mail in the INBOX) is not a customer's mail. */
  private Future<Void> takeUnlessOwn(IncomingMail mail) {
    return box.address().equalsIgnoreCase(mail.fromAddress()) ? Future.succeededFuture() : intake.take(siteKey, mail);
  }

  private boolean triedRecently(long uid) {
    Long at = failedAt.get(uid);
    return at != null && System.nanoTime() - at < RETRY_NANOS;
  }

  private void waitForNews() {
    if (stopped) {
      return;
    }
    workers.executeBlocking(inbox::supportsIdle, false).onComplete(idle -> {
      if (idle.failed() || !idle.result()) {
        pollLater();
        return;
      }
      long watchdog = vertx.setTimer(box.pollSeconds() * 1000L, t -> workers.executeBlocking(() -> {
        inbox.wakeUp();
        return null;
      }, false));
      workers.executeBlocking(() -> {
        inbox.idle();
        return null;
      }, false).onComplete(done -> {
        vertx.cancelTimer(watchdog);
        if (done.failed()) {
          pollLater();
        } else {
          cycle();
        }
      });
    });
  }

  private void pollLater() {
    if (!stopped) {
      timer = vertx.setTimer(box.pollSeconds() * 1000L, t -> cycle());
    }
  }
}
