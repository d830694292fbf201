package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.plauder.site.Mailbox;

/** A site's support mailbox, kept in the site's own document (field {@code mailbox}); a site without one has no e-mail channel. */
public final class Mailboxes {

  private static final String FIELD = "mailbox";

  private final Database db;

  public Mailboxes(Database db) {
    this.db = db;
  }

  /** The site's mailbox with its password, or null. */
  public Future<Mailbox> find(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).projection(Projections.include(FIELD)).first())
        .map(site -> site == null ? null : toMailbox(site.get(FIELD, Document.class)));
  }

  /** Every site's switched-on mailbox, by site key: what a node watches. */
  public Future<Map<String, Mailbox>> enabled() {
    return Reactive.list(db.sites().find(eq(FIELD + ".enabled", true)).projection(Projections.include(FIELD))).map(sites -> {
      Map<String, Mailbox> byKey = new LinkedHashMap<>();
      sites.forEach(site -> byKey.put(site.getString("_id"), toMailbox(site.get(FIELD, Document.class))));
      return byKey;
    });
  }

  /** Stores the mailbox (a null password keeps the stored one); false when there is no such site. */
  public Future<Boolean> save(String siteKey, Mailbox mailbox) {
    Document doc = new Document("enabled", mailbox.enabled()).append("address", mailbox.address())
        .append("imapHost", mailbox.imapHost()).append("imapPort", mailbox.imapPort()).append("imapSecurity", mailbox.imapSecurity().wire())
        .append("smtpHost", mailbox.smtpHost()).append("smtpPort", mailbox.smtpPort()).append("smtpSecurity", mailbox.smtpSecurity().wire())
        .append("username", mailbox.username()).append("pollSeconds", mailbox.pollSeconds());
    Future<String> password = mailbox.password() != null ? Future.succeededFuture(mailbox.password())
        : find(siteKey).map(old -> old == null ? null : old.password());
    return password.compose(p -> Reactive.first(db.sites().updateOne(eq("_id", siteKey), Updates.set(FIELD, doc.append("password", p)))))
        .map(result -> result.getMatchedCount() == 1);
  }

  private static Mailbox toMailbox(Document d) {
    if (d == null) {
      return null;
    }
    return new Mailbox(Boolean.TRUE.equals(d.getBoolean("enabled")), d.getString("address"),
        d.getString("imapHost"), d.getInteger("imapPort", 993), Mailbox.Security.fromWire(d.getString("imapSecurity"), "imapSecurity"),
        d.getString("smtpHost"), d.getInteger("smtpPort", 465), Mailbox.Security.fromWire(d.getString("smtpSecurity"), "smtpSecurity"),
        d.getString("username"), d.getString("password"), d.getInteger("pollSeconds", Mailbox.DEFAULT_POLL_SECONDS));
  }
}
