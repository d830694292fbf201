package org.plauder.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plauder.Services;
import org.plauder.event.DomainEvent.SiteChanged;
import org.plauder.auth.Identity;
import org.plauder.offer.Offer;
import org.plauder.offer.OfferRule;
import org.plauder.offer.OfferSettings;
import org.plauder.offer.UrlGlob;
import org.plauder.protocol.Failure;
import org.plauder.protocol.FreeText;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.store.Ids;

/** GET and PUT /api/v1/offer-rules: an admin's proactive offer rules, with how each has fared. */
final class OfferRulesApi {

  private static final int MAX_RULES = 50;
  private static final int MAX_SECONDS = 24 * 3600;
  private static final int MAX_TEXT = 500;

  private final Services services;

  OfferRulesApi(Services services) {
    this.services = services;
  }

  void get(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    respond(ctx, admin.siteKey());
  }

  /** Replaces all rules of the site; every rule is checked before anything is stored. */
  void replace(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    int cooldown = body.containsKey("cooldownMinutes")
        ? Inputs.intInRange(body, "cooldownMinutes", 1, 7 * 24 * 60) : OfferSettings.DEFAULT_COOLDOWN_MINUTES;
    if (!(body.getValue("rules") instanceof JsonArray array) || array.size() > MAX_RULES) {
      throw Failure.badInput("rules must be a list of at most " + MAX_RULES + " rules");
    }
    List<OfferRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Object o : array) {
      if (!(o instanceof JsonObject r)) {
        throw Failure.badInput("each rule must be an object");
      }
      OfferRule rule = rule(r);
      if (!ids.add(rule.id())) {
        throw Failure.badInput("rule ids must be unique");
      }
      rules.add(rule);
    }
    services.offerStore().save(admin.siteKey(), new OfferSettings(rules, cooldown))
        .onSuccess(v -> {
          services.caches().forgetSite(admin.siteKey());
          services.events().publish(new SiteChanged(admin.siteKey()));
        })
        .onComplete(v -> respond(ctx, admin.siteKey()), ctx::fail);
  }

  private static OfferRule rule(JsonObject r) {
    String id = r.getValue("id") == null ? Ids.newId() : Inputs.requiredString(r, "id", 40);
    if (!id.matches("[A-Za-z0-9_-]{1,40}") || id.equals(Offer.INVITATION)) {
      throw Failure.badInput("a rule id is 1-40 letters, digits, '-' or '_' (and not 'invite')");
    }
    String name = Inputs.requiredString(r, "name", 80);
    boolean enabled = !r.containsKey("enabled") || Inputs.bool(r, "enabled");
    Integer onPage = r.getValue("minSecondsOnPage") == null ? null : Inputs.intInRange(r, "minSecondsOnPage", 0, MAX_SECONDS);
    Integer onSite = r.getValue("minSecondsOnSite") == null ? null : Inputs.intInRange(r, "minSecondsOnSite", 0, MAX_SECONDS);
    String pattern = Inputs.optionalString(r, "urlPattern", UrlGlob.MAX_LENGTH);
    Integer pages = r.getValue("minPagesSeen") == null ? null : Inputs.intInRange(r, "minPagesSeen", 1, 1000);
    Boolean returning = r.getValue("returning") == null ? null : Inputs.bool(r, "returning");
    String language = Inputs.optionalString(r, "language", 2);
    if (language != null && !language.matches("[a-z]{2}")) {
      throw Failure.badInput("language must be a two-letter code such as de");
    }
    if (!(r.getValue("messages") instanceof JsonObject m) || m.isEmpty() || m.size() > 20) {
      throw Failure.badInput("messages must map one or more language codes to the offer text");
    }
    Map<String, String> messages = new LinkedHashMap<>();
    for (String lang : m.fieldNames()) {
      if (!lang.matches("[a-z]{2}") || !(m.getValue(lang) instanceof String text) || text.isBlank() || FreeText.length(text) > MAX_TEXT) {
        throw Failure.badInput("each message is a two-letter language code and a text of 1-" + MAX_TEXT + " characters");
      }
      messages.put(lang, FreeText.check("messages." + lang, text, true).strip());
    }
    return new OfferRule(id, name, enabled, onPage, onSite, pattern, pages, returning, language, messages);
  }

  private void respond(RoutingContext ctx, String siteKey) {
    services.offerStore().settings(siteKey).compose(settings -> services.offerStore().stats(siteKey).map(stats -> {
      JsonArray rules = new JsonArray();
      for (OfferRule r : settings.rules()) {
        rules.add(json(r).put("stats", Json.offerStats(stats.get(r.id()))));
      }
      return new JsonObject().put("cooldownMinutes", settings.cooldownMinutes()).put("rules", rules)
          .put("invitations", Json.offerStats(stats.get(Offer.INVITATION)));
    })).onComplete(body -> Http.json(ctx, 200, body), ctx::fail);
  }

  private static JsonObject json(OfferRule r) {
    return new JsonObject()
        .put("id", r.id()).put("name", r.name()).put("enabled", r.enabled())
        .put("minSecondsOnPage", r.minSecondsOnPage()).put("minSecondsOnSite", r.minSecondsOnSite())
        .put("urlPattern", r.urlPattern()).put("minPagesSeen", r.minPagesSeen()).put("returning", r.returning())
        .put("language", r.language()).put("messages", new JsonObject(new LinkedHashMap<>(r.messages())));
  }
}
