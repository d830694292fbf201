package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.plauder.Services;
import org.plauder.protocol.Json;
import org.plauder.store.BotAnswers;
import org.plauder.transcript.BotReport;

/** The site figures of a report that do not come from its conversations: proactive offers and the FAQ bot. */
final class ReportExtras {

  private ReportExtras() {}

  static Future<JsonObject> of(Services services, String siteKey, Instant from, Instant to) {
    return Future.all(services.offerStore().countsBetween(siteKey, from, to), new BotAnswers(services.database()).between(siteKey, from, to))
        .map(all -> Json.offerCounts(all.resultAt(0)).mergeIn(BotReport.of(all.resultAt(1)).toJson()));
  }
}
