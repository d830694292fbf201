package org.plauder.mail;

import io.vertx.core.Future;
import org.plauder.config.MailboxVariables;
import org.plauder.event.DomainEvent.SiteChanged;
import org.plauder.event.EventSink;
import org.plauder.store.Mailboxes;

/**
 * Stores the mailbox that environment variables describe ({@link MailboxVariables}) as its site's
 * mailbox and has it watched at once, as an admin's change would ({@code SiteChanged}).
 */
public final class EnvironmentMailbox {

  private EnvironmentMailbox() {}

  public static Future<Void> connect(Mailboxes mailboxes, EventSink events, MailboxVariables variables) {
    return mailboxes.save(variables.siteKey(), variables.mailbox()).compose(saved -> {
      if (!saved) {
        return Future.failedFuture(new IllegalArgumentException("PLAUDER_MAIL_SITE names no site: " + variables.siteKey()));
      }
      events.publish(new SiteChanged(variables.siteKey()));
      return Future.succeededFuture();
    });
  }
}
