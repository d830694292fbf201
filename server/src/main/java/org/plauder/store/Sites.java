package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;
import org.plauder.site.PrechatForm;
import org.plauder.site.Site;
import org.plauder.site.SkillRouting;

/** Sites (tenants) in MongoDB. */
public final class Sites {

  private final Database db;

  public Sites(Database db) {
    this.db = db;
  }

  public Future<Site> find(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).first()).map(Sites::toSite);
  }

  /** Creates the site unless one with that key exists; returns the stored one either way. */
  public Future<Site> createIfAbsent(Site site) {
    Document doc = new Document("_id", site.key())
        .append("name", site.name())
        .append("allowedOrigins", site.allowedOrigins())
        .append("defaultMaxChats", site.defaultMaxChats())
        .append("offlineMessage", site.offlineMessage())
        .append("retentionDays", site.retentionDays())
        .append("maskCardNumbers", site.maskCardNumbers())
        .append("languages", site.languages())
        .append("reassignAfterSeconds", site.reassignAfterSeconds())
        .append("stickyAgent", site.stickyAgent())
        .append("prechatForm", prechatForm(site.prechatForm()))
        .append("skillRouting", skillRouting(site.skillRouting()))
        .append("timeZone", site.timeZone())
        .append("agentGraceSeconds", site.agentGraceSeconds())
        .append("agentAutoAwayMinutes", site.agentAutoAwayMinutes())
        .append("maxEmails", site.maxEmails());
    return Reactive.first(db.sites().insertOne(doc))
        .<Void>mapEmpty()
        .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture() : Future.failedFuture(e))
        .compose(v -> find(site.key()));
  }

  /** Sites that keep conversations for a limited number of days. */
  public Future<List<Site>> withRetention() {
    return Reactive.list(db.sites().find(com.mongodb.client.model.Filters.gt("retentionDays", 0)))
        .map(list -> list.stream().map(Sites::toSite).toList());
  }

  /** Replaces the settings of an existing site; its key and name stay. */
  public Future<Site> updateSettings(Site site) {
    return Reactive.first(db.sites().updateOne(eq("_id", site.key()), com.mongodb.client.model.Updates.combine(
            com.mongodb.client.model.Updates.set("allowedOrigins", site.allowedOrigins()),
            com.mongodb.client.model.Updates.set("defaultMaxChats", site.defaultMaxChats()),
            com.mongodb.client.model.Updates.set("offlineMessage", site.offlineMessage()),
            com.mongodb.client.model.Updates.set("retentionDays", site.retentionDays()),
            com.mongodb.client.model.Updates.set("maskCardNumbers", site.maskCardNumbers()),
            com.mongodb.client.model.Updates.set("languages", site.languages()),
            com.mongodb.client.model.Updates.set("reassignAfterSeconds", site.reassignAfterSeconds()),
            com.mongodb.client.model.Updates.set("stickyAgent", site.stickyAgent()),
            com.mongodb.client.model.Updates.set("prechatForm", prechatForm(site.prechatForm())),
            com.mongodb.client.model.Updates.set("skillRouting", skillRouting(site.skillRouting())),
            com.mongodb.client.model.Updates.set("timeZone", site.timeZone()),
            com.mongodb.client.model.Updates.set("agentGraceSeconds", site.agentGraceSeconds()),
            com.mongodb.client.model.Updates.set("agentAutoAwayMinutes", site.agentAutoAwayMinutes()),
            com.mongodb.client.model.Updates.set("maxEmails", site.maxEmails()))))
        .compose(r -> find(site.key()));
  }

  @SuppressWarnings("unchecked")
  static Site toSite(Document d) {
    if (d == null) {
      return null;
    }
    return new Site(
        d.getString("_id"),
        d.getString("name"),
        (List<String>) d.get("allowedOrigins", List.class),
        d.getInteger("defaultMaxChats", 3),
        d.getString("offlineMessage"),
        d.getInteger("retentionDays"),
        d.getBoolean("maskCardNumbers", true),
        d.getList("languages", String.class, Site.SUPPORTED_LANGUAGES),
        d.getInteger("reassignAfterSeconds", Site.DEFAULT_REASSIGN_AFTER_SECONDS),
        d.getBoolean("stickyAgent", true),
        prechatForm(d.get("prechatForm", Document.class)),
        skillRouting(d.get("skillRouting", Document.class)),
        d.getString("timeZone") == null ? Site.DEFAULT_TIME_ZONE : d.getString("timeZone"),
        d.getInteger("agentGraceSeconds", Site.DEFAULT_AGENT_GRACE_SECONDS),
        d.getInteger("agentAutoAwayMinutes", 0),
        d.getInteger("maxEmails"));
  }

  private static Document skillRouting(SkillRouting r) {
    List<Document> topics = r.topics().stream()
        .map(t -> new Document("skill", t.skill()).append("labels", new Document(new java.util.TreeMap<String, Object>(t.labels()))))
        .toList();
    return new Document("topics", topics).append("fallbackAfterSeconds", r.fallbackAfterSeconds());
  }

  /** A site stored before it had topics has none, and the default fallback. */
  private static SkillRouting skillRouting(Document d) {
    if (d == null) {
      return SkillRouting.NONE;
    }
    List<SkillRouting.Topic> topics = d.getList("topics", Document.class, List.of()).stream().map(t -> {
      Document labels = t.get("labels", new Document());
      java.util.Map<String, String> byLanguage = new java.util.HashMap<>();
      labels.forEach((lang, label) -> byLanguage.put(lang, String.valueOf(label)));
      return new SkillRouting.Topic(t.getString("skill"), byLanguage);
    }).toList();
    return new SkillRouting(topics, d.getInteger("fallbackAfterSeconds", SkillRouting.DEFAULT_FALLBACK_AFTER_SECONDS));
  }

  private static Document prechatForm(PrechatForm f) {
    return new Document("enabled", f.enabled()).append("name", f.name().wire()).append("email", f.email().wire())
        .append("consentRequired", f.consentRequired()).append("privacyUrl", f.privacyUrl());
  }

  /** A site stored before it had a form has none. */
  private static PrechatForm prechatForm(Document d) {
    if (d == null) {
      return PrechatForm.NONE;
    }
    return new PrechatForm(d.getBoolean("enabled", false), PrechatForm.Field.of(d.getString("name")),
        PrechatForm.Field.of(d.getString("email")), d.getBoolean("consentRequired", true), d.getString("privacyUrl"));
  }
}
