package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.plauder.Services;
import org.plauder.event.DomainEvent.SiteChanged;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.site.PrechatForm;
import org.plauder.site.Site;
import org.plauder.site.SkillRouting;

/** GET and PATCH /api/v1/site: the caller's own site and (for admins) its settings. */
final class SiteApi {

  private static final int MAX_ORIGINS = 50;
  private static final int MAX_RETENTION_DAYS = 3650;

  private final Services services;

  SiteApi(Services services) {
    this.services = services;
  }

  void get(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    services.caches().sites().get(agent.siteKey()).compose(SiteApi::existing)
        .onComplete(site -> Http.json(ctx, 200, Json.site(site)), ctx::fail);
  }

  /** Changes only the fields present in the body; each is checked before anything is written. */
  void update(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    services.sites().find(admin.siteKey()).compose(SiteApi::existing).compose(site -> {
      List<String> origins = body.containsKey("allowedOrigins") ? origins(body.getValue("allowedOrigins")) : site.allowedOrigins();
      int defaultMaxChats = body.containsKey("defaultMaxChats")
          ? Inputs.intInRange(body, "defaultMaxChats", 0, Agent.MAX_CHATS_LIMIT) : site.defaultMaxChats();
      String offlineMessage = body.containsKey("offlineMessage")
          ? Inputs.optionalMultiLineText(body, "offlineMessage", 1000) : site.offlineMessage();
      Integer retentionDays = body.containsKey("retentionDays")
          ? (body.getValue("retentionDays") == null ? null : Inputs.intInRange(body, "retentionDays", 1, MAX_RETENTION_DAYS))
          : site.retentionDays();
      boolean mask = body.containsKey("maskCardNumbers") ? Inputs.bool(body, "maskCardNumbers") : site.maskCardNumbers();
      List<String> languages = body.containsKey("languages") ? languages(body.getValue("languages")) : site.languages();
      int reassignAfter = body.containsKey("reassignAfterSeconds")
          ? Inputs.intInRange(body, "reassignAfterSeconds", 0, Site.MAX_REASSIGN_AFTER_SECONDS) : site.reassignAfterSeconds();
      boolean sticky = body.containsKey("stickyAgent") ? Inputs.bool(body, "stickyAgent") : site.stickyAgent();
      PrechatForm prechatForm = body.containsKey("prechatForm") ? PrechatFormInput.parse(body.getValue("prechatForm")) : site.prechatForm();
      SkillRouting skills = new SkillRouting(
          body.containsKey("topics") ? TopicsInput.parse(body.getValue("topics")) : site.skillRouting().topics(),
          body.containsKey("skillFallbackSeconds")
              ? Inputs.intInRange(body, "skillFallbackSeconds", 0, SkillRouting.MAX_FALLBACK_AFTER_SECONDS)
              : site.skillRouting().fallbackAfterSeconds());
      String timeZone = body.containsKey("timeZone") ? timeZone(body.getValue("timeZone")) : site.timeZone();
      int agentGrace = body.containsKey("agentGraceSeconds")
          ? Inputs.intInRange(body, "agentGraceSeconds", Site.MIN_AGENT_GRACE_SECONDS, Site.MAX_AGENT_GRACE_SECONDS)
          : site.agentGraceSeconds();
      int autoAway = body.containsKey("agentAutoAwayMinutes")
          ? Inputs.intInRange(body, "agentAutoAwayMinutes", 0, Site.MAX_AGENT_AUTO_AWAY_MINUTES) : site.agentAutoAwayMinutes();
      Integer maxEmails = body.containsKey("maxEmails") ? maxEmails(body) : site.maxEmails();
      return services.sites().updateSettings(new Site(site.key(), site.name(), origins, defaultMaxChats, offlineMessage,
          retentionDays, mask, languages, reassignAfter, sticky, prechatForm, skills, timeZone,
          agentGrace, autoAway, maxEmails));
    }).onSuccess(site -> {
      services.caches().forgetSite(site.key());
      services.events().publish(new SiteChanged(site.key()));
      services.router().assignQueued(site.key()); // e-mail slots of their own may leave room for waiting e-mails
    }).onComplete(site -> Http.json(ctx, 200, Json.site(site)), ctx::fail);
  }

  /** The gate checked the token against the agent's record, so a missing site is a fault, never a hang. */
  private static Future<Site> existing(Site site) {
    return site == null ? Future.failedFuture(Failure.notFound("site")) : Future.succeededFuture(site);
  }

  /** E-mail slots of their own per agent, 1 to {@link Site#MAX_EMAILS_LIMIT}; null: e-mails take chat slots. */
  private static Integer maxEmails(JsonObject body) {
    Object value = body.getValue("maxEmails");
    if (value == null) {
      return null;
    }
    try {
      return Inputs.intInRange(body, "maxEmails", 1, Site.MAX_EMAILS_LIMIT);
    } catch (Failure notANumber) {
      throw Failure.badInput("maxEmails must be null (an e-mail takes a chat slot) or a whole number from 1 to " + Site.MAX_EMAILS_LIMIT);
    }
  }

  /** A time zone by its IANA id, such as Europe/Berlin. */
  private static String timeZone(Object value) {
    try {
      return java.time.ZoneId.of((String) value).getId();
    } catch (RuntimeException e) {
      throw Failure.badInput("timeZone must be a time zone id such as Europe/Berlin or UTC");
    }
  }

  private static List<String> languages(Object value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw Failure.badInput("languages must be a non-empty list of " + Site.SUPPORTED_LANGUAGES);
    }
    List<String> languages = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof String lang) || !Site.SUPPORTED_LANGUAGES.contains(lang)) {
        throw Failure.badInput("languages must be a non-empty list of " + Site.SUPPORTED_LANGUAGES);
      }
      if (!languages.contains(lang)) {
        languages.add(lang);
      }
    }
    return languages;
  }

  private static List<String> origins(Object value) {
    if (!(value instanceof JsonArray array) || array.size() > MAX_ORIGINS) {
      throw Failure.badInput("allowedOrigins must be a list of at most " + MAX_ORIGINS + " origins");
    }
    List<String> origins = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof String s) || !(s.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?") || s.matches("[A-Za-z0-9.-]+"))) {
        throw Failure.badInput("each allowed origin is scheme://host[:port] or a bare host name, got " + o);
      }
      origins.add(s.toLowerCase(java.util.Locale.ROOT));
    }
    return origins;
  }
}
