package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.WrapUp;
import org.plauder.protocol.Json;
import org.plauder.site.Site;
import org.plauder.store.WrapUps;
import org.plauder.transcript.AgentFigures;
import org.plauder.transcript.ChannelTimes;
import org.plauder.transcript.DailyTrend;
import org.plauder.transcript.Report;
import org.plauder.transcript.ReportCsv;
import org.plauder.transcript.TranscriptFormat;
import org.plauder.transcript.WrapUpFigures;

/**
 * GET /api/v1/reports?from=&to=&format=json|csv&bom= — an admin's figures for the site, per agent,
 * per day (the trend), per channel, per tag, with the visitors' rating comments; as JSON or as one
 * CSV file ({@link ReportCsv}, with a byte-order mark for Excel on {@code bom=1}).
 */
final class ReportApi {

  // Converted from the database's documents a page at a time, so those are never all held at once.
  private static final int CONVERSATION_PAGE = 1000;

  private final Services services;
  private final WrapUps wrapUps;

  private ReportApi(Services services) {
    this.services = services;
    this.wrapUps = new WrapUps(services.database());
  }

  static void mount(Router router, Services services) {
    router.get("/api/v1/reports").handler(new ReportApi(services)::report);
  }

  private void report(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    TranscriptFormat format = ExportParams.formatOf(ctx, "json", List.of(TranscriptFormat.JSON, TranscriptFormat.CSV));
    String bom = ExportParams.byteOrderMark(ctx, format);
    Instant from = TranscriptApi.instantParam(ctx, "from", true);
    Instant to = TranscriptApi.instantParam(ctx, "to", true);
    String siteKey = admin.siteKey();
    Future.all(collect(siteKey, from, to), ReportExtras.of(services, siteKey, from, to),
            wrapUps.ofSite(siteKey, from, to), services.caches().sites().get(siteKey))
        .onComplete(all -> {
          Site site = all.resultAt(3);
          ZoneId zone = ZoneId.of(site == null ? Site.DEFAULT_TIME_ZONE : site.timeZone());
          JsonObject report = build(all.resultAt(0), all.resultAt(1), all.resultAt(2), from, to, zone);
          if (format == TranscriptFormat.JSON) {
            Http.json(ctx, 200, report);
            return;
          }
          String name = "report-" + siteKey + "-" + from.atZone(zone).toLocalDate() + ".csv";
          ctx.response().putHeader("Content-Type", format.mediaType()).putHeader("Cache-Control", "no-store")
              .putHeader("X-Content-Type-Options", "nosniff")
              .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
              .end(bom + ReportCsv.of(report));
        }, ctx::fail);
  }

  private static JsonObject build(List<Conversation> all, JsonObject extras, Map<String, WrapUp> wrapUps, Instant from, Instant to,
      ZoneId zone) {
    return new JsonObject()
        .put("from", Json.time(from)).put("to", Json.time(to))
        .put("site", Report.of(all).toJson().mergeIn(extras))
        .put("agents", AgentFigures.toJson(AgentFigures.of(all)))
        .put("days", DailyTrend.toJson(DailyTrend.of(all, from, to, zone)))
        .put("channels", ChannelTimes.toJson(ChannelTimes.of(all)))
        .put("tags", WrapUpFigures.perTag(all, wrapUps))
        .put("ratingComments", WrapUpFigures.ratingComments(all, wrapUps));
  }

  /** The conversations of the report, read with one query; the figures need them all at once. */
  private Future<List<Conversation>> collect(String siteKey, Instant from, Instant to) {
    List<Conversation> all = new ArrayList<>();
    return services.conversations().bySite().each(siteKey, from, to, null, CONVERSATION_PAGE, page -> {
      all.addAll(page);
      return Future.succeededFuture();
    }).map(v -> all);
  }
}
