package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;
import org.plauder.conversation.WrapUp;

/** The report's trend by day, its times per channel, its wrap-up figures and its CSV, in plain Java. */
class ReportTrendTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant FROM = Instant.parse("2026-11-30T23:00:00Z"); // 1 Dec, midnight in Berlin
  private static final Instant TO = Instant.parse("2026-12-03T23:00:00Z"); // 4 Dec, midnight in Berlin

  /** A closed conversation created at {@code created}, answered after {@code firstReply} s, closed after {@code closed} s. */
  private static Conversation closed(String id, String channel, String created, Long firstReply, long closed, Integer rating) {
    Instant at = Instant.parse(created);
    return new Conversation(id, "demo", "v-" + id, "a1", "Anna", ConversationStatus.CLOSED, 1, at, at.plusSeconds(5),
        firstReply == null ? null : at.plusSeconds(firstReply), at.plusSeconds(closed), "agent", 3, rating, null, null,
        ChatNeeds.NONE, channel);
  }

  private static Conversation leftMessage(String id, String created) {
    Instant at = Instant.parse(created);
    return new Conversation(id, "demo", "v-" + id, null, null, ConversationStatus.OFFLINE, 0, at, null, null, null, null, 1, null,
        null, "eva@example.com", ChatNeeds.NONE, Conversation.CHAT);
  }

  private final List<Conversation> period = List.of(
      // 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Berlin: the first day
      closed("c1", Conversation.CHAT, "2026-11-30T23:30:00Z", 30L, 600, 5),
      closed("c2", Conversation.CHAT, "2026-12-01T10:00:00Z", 90L, 1200, 3),
      closed("m1", Conversation.EMAIL, "2026-12-03T08:00:00Z", 7200L, 86400, 4),
      closed("c3", Conversation.CHAT, "2026-12-03T09:00:00Z", null, 300, null),
      leftMessage("o1", "2026-12-03T10:00:00Z"));

  @Test
  void everyDayOfThePeriodInTheSitesZoneHasItsFiguresDaysWithoutConversationsToo() {
    List<DailyTrend> days = DailyTrend.of(period, FROM, TO, BERLIN);
    assertEquals(List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3)),
        days.stream().map(DailyTrend::date).toList());
    DailyTrend first = days.get(0);
    assertEquals(2, first.figures().chats());
    assertEquals(30L, first.figures().firstResponseMedianSeconds());
    assertEquals(600L, first.resolutionMedianSeconds());
    assertEquals(4.0, first.figures().ratingAverage());
    assertEquals(0, days.get(1).figures().chats());
    assertNull(days.get(1).resolutionMedianSeconds());
    DailyTrend third = days.get(2);
    assertEquals(2, third.figures().chats());
    assertEquals(1, third.figures().missed(), "c3 closed without an answer");
    assertEquals(1, third.figures().offlineMessages());
    assertEquals(86400L, third.resolutionMedianSeconds(), "an unanswered chat has no resolution time");
  }

  @Test
  void aLongPeriodKeepsItsLastDays() {
    List<DailyTrend> days = DailyTrend.of(List.of(), Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"),
        ZoneId.of("UTC"));
    assertEquals(DailyTrend.MAX_DAYS, days.size());
    assertEquals(LocalDate.of(2025, 12, 31), days.get(days.size() - 1).date());
  }

  @Test
  void firstResponseAndResolutionTimesArePerChannel() {
    List<ChannelTimes> channels = ChannelTimes.of(period);
    assertEquals(List.of("chat", "email"), channels.stream().map(ChannelTimes::channel).toList());
    ChannelTimes chat = channels.get(0);
    assertEquals(3, chat.conversations(), "a left message is no chat");
    assertEquals(30L, chat.firstResponseMedianSeconds());
    assertEquals(90L, chat.firstResponseP90Seconds());
    assertEquals(600L, chat.resolutionMedianSeconds());
    assertEquals(1200L, chat.resolutionP90Seconds());
    ChannelTimes email = channels.get(1);
    assertEquals(1, email.conversations());
    assertEquals(7200L, email.firstResponseMedianSeconds());
    assertEquals(86400L, email.resolutionMedianSeconds());
    ChannelTimes none = ChannelTimes.of(List.of()).get(1);
    assertEquals(0, none.conversations());
    assertNull(none.resolutionMedianSeconds());
  }

  @Test
  void conversationsAreCountedPerTagAndRatingCommentsListedNewestFirst() {
    Map<String, WrapUp> wrapUps = Map.of(
        "c1", new WrapUp("c1", List.of("versand", "vip"), "Sehr nett!"),
        "c2", new WrapUp("c2", List.of("versand"), "Zu langsam"),
        "c3", new WrapUp("c3", List.of("rückgabe"), "no rating, so not listed"),
        "gone", new WrapUp("gone", List.of("versand"), null));
    JsonArray tags = WrapUpFigures.perTag(period, wrapUps);
    assertEquals(new JsonObject().put("tag", "versand").put("conversations", 2), tags.getJsonObject(0));
    assertEquals(List.of("rückgabe", "vip"), List.of(tags.getJsonObject(1).getString("tag"), tags.getJsonObject(2).getString("tag")));
    assertEquals(3, tags.size(), "a conversation outside the period is not counted");
    JsonArray comments = WrapUpFigures.ratingComments(period, wrapUps);
    assertEquals(2, comments.size());
    assertEquals("Zu langsam", comments.getJsonObject(0).getString("comment"));
    assertEquals(3, comments.getJsonObject(0).getInteger("rating"));
  }

  @Test
  void theCsvHasTheSiteFiguresThenABlockPerKindEachCellSpreadsheetSafe() {
    JsonObject report = new JsonObject().put("from", "2026-12-01T00:00:00Z").put("to", "2026-12-04T00:00:00Z")
        .put("site", Report.of(period).toJson())
        .put("days", DailyTrend.toJson(DailyTrend.of(period, FROM, TO, BERLIN)))
        .put("agents", new JsonArray())
        .put("channels", ChannelTimes.toJson(ChannelTimes.of(period)))
        .put("tags", new JsonArray().add(new JsonObject().put("tag", "versand").put("conversations", 2)))
        .put("ratingComments", new JsonArray().add(new JsonObject().put("conversationId", "c2").put("rating", 3)
            .put("comment", "=HYPERLINK(\"http://evil\"); \"zu\" langsam")));
    String csv = ReportCsv.of(report);
    String[] lines = csv.split("\r\n", -1);
    assertEquals("figure,value", lines[0]);
    assertEquals("from,2026-12-01T00:00:00Z", lines[1]);
    assertTrue(csv.contains("\r\nchats,4\r\n"), csv);
    assertTrue(csv.contains("\r\n\r\ndate,chats,missed,offlineMessages,firstResponseMedianSeconds,resolutionMedianSeconds,ratingAverage,ratings\r\n"
        + "2026-12-01,2,0,0,30,600,4.0,2\r\n2026-12-02,0,0,0,,,,0\r\n2026-12-03,2,1,1,7200,86400,4.0,1\r\n"), csv);
    assertTrue(csv.contains("\r\n\r\nchannel,conversations,firstResponseMedianSeconds,firstResponseP90Seconds,resolutionMedianSeconds,"
        + "resolutionP90Seconds\r\nchat,3,30,90,600,1200\r\nemail,1,7200,7200,86400,86400\r\n"), csv);
    assertTrue(csv.contains("\r\n\r\ntag,conversations\r\nversand,2\r\n"), csv);
    assertTrue(csv.contains("c2,,,,3,\"'=HYPERLINK(\"\"http://evil\"\"); \"\"zu\"\" langsam\"\r\n"), csv);
    assertTrue(csv.endsWith("\r\n"));
  }
}
