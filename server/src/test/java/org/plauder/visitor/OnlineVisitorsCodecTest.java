package org.plauder.visitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plauder.offer.Offer;

/** A presence entry survives its trip through the shared map unchanged, to the nanosecond. */
class OnlineVisitorsCodecTest {

  private static final Instant PAGE = Instant.parse("2026-12-03T06:30:01.123456789Z");
  private static final Instant ONLINE = Instant.parse("2026-12-03T06:29:58.5Z");
  private static final Instant SEEN = Instant.parse("2026-12-03T06:30:02Z");

  @Test
  void anEntryComesBackAsItWentIn() {
    OnlineVisitor v = new OnlineVisitor("v1", "demo", "Eva", "https://shop.example/kasse", "Kasse", "de", PAGE, ONLINE, 3, true,
        new Offer("o1", "r1", "Hilfe?", "Anna", "a1"), SEEN);
    assertEquals(v, OnlineVisitors.decode(OnlineVisitors.encode(v)));
  }

  @Test
  void anEntryWithoutPageOrOfferComesBackToo() {
    OnlineVisitor v = new OnlineVisitor("v2", "demo", null, null, null, null, null, ONLINE, 0, false, null, SEEN);
    OnlineVisitor back = OnlineVisitors.decode(OnlineVisitors.encode(v));
    assertEquals(v, back);
    assertNull(back.pageSince());
  }

  @Test
  void anEntryAnEarlierVersionWroteWithIsoTimesIsRead() {
    String earlier = new JsonObject().put("id", "v3").put("siteKey", "demo").put("url", "https://shop.example/")
        .put("pageSince", PAGE.toString()).put("onlineSince", ONLINE.toString()).put("pagesSeen", 1)
        .put("returning", false).put("lastSeenAt", SEEN.toString()).encode();
    OnlineVisitor v = OnlineVisitors.decode(earlier);
    assertEquals(PAGE, v.pageSince());
    assertEquals(ONLINE, v.onlineSince());
    assertEquals(SEEN, v.lastSeenAt());
  }
}
