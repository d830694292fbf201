package org.plauder.transcript;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plauder.conversation.Conversation;

/**
 * A report's figures day by day, for its trend chart: every day of the period in the site's time
 * zone (the last {@link #MAX_DAYS} of a longer one), days without conversations included, each
 * conversation on the day it was created. Pure.
 */
public record DailyTrend(LocalDate date, Report figures, Long resolutionMedianSeconds) {

  public static final int MAX_DAYS = 366;

  /** The days of [from, to) in {@code zone}, with the conversations created on each. */
  public static List<DailyTrend> of(List<Conversation> conversations, Instant from, Instant to, ZoneId zone) {
    LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
    LocalDate first = from.atZone(zone).toLocalDate();
    if (first.plusDays(MAX_DAYS - 1).isBefore(last)) {
      first = last.minusDays(MAX_DAYS - 1);
    }
    Map<LocalDate, List<Conversation>> byDay = new LinkedHashMap<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      byDay.put(day, new ArrayList<>());
    }
    for (Conversation c : conversations) {
      List<Conversation> day = c.createdAt() == null ? null : byDay.get(c.createdAt().atZone(zone).toLocalDate());
      if (day != null) {
        day.add(c);
      }
    }
    List<DailyTrend> days = new ArrayList<>();
    byDay.forEach((date, list) -> days.add(new DailyTrend(date, Report.of(list),
        Report.percentile(list.stream().map(Resolution::seconds).filter(Objects::nonNull).toList(), 50))));
    return days;
  }

  public JsonObject toJson() {
    return new JsonObject().put("date", date.toString()).put("chats", figures.chats()).put("missed", figures.missed())
        .put("offlineMessages", figures.offlineMessages()).put("firstResponseMedianSeconds", figures.firstResponseMedianSeconds())
        .put("resolutionMedianSeconds", resolutionMedianSeconds).put("ratingAverage", figures.ratingAverage())
        .put("ratings", figures.ratings());
  }

  public static JsonArray toJson(List<DailyTrend> days) {
    JsonArray array = new JsonArray();
    days.forEach(d -> array.add(d.toJson()));
    return array;
  }
}
