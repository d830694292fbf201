package org.plauder.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plauder.visitor.Visitor;

/** What offer planning keeps of a held visitor between reads, and when it reads again. */
class PlanningFactsTest {

  private final AtomicInteger reads = new AtomicInteger();

  private Future<Boolean> read(boolean answer) {
    reads.incrementAndGet();
    return Future.succeededFuture(answer);
  }

  @Test
  void whetherTheVisitorChatsIsReadOnceUntilAChatStartsOrEnds() {
    PlanningFacts facts = new PlanningFacts();
    assertEquals(false, facts.chatting(() -> read(false)).result());
    assertEquals(false, facts.chatting(() -> read(true)).result());
    assertEquals(1, reads.get());

    facts.forgetChatting();
    assertEquals(true, facts.chatting(() -> read(true)).result());
    assertEquals(true, facts.chatting(() -> read(false)).result());
    assertEquals(2, reads.get());
  }

  @Test
  void aReadUnderWayWhenItsFactIsForgottenAnswersItsPlanButIsNotKept() {
    PlanningFacts facts = new PlanningFacts();
    Promise<Boolean> slow = Promise.promise();
    Future<Boolean> first = facts.chatting(slow::future);
    facts.forgetChatting(); // a chat was requested while the first read was on its way
    slow.complete(false);
    assertEquals(false, first.result());

    assertEquals(true, facts.chatting(() -> read(true)).result());
    assertEquals(1, reads.get());
  }

  @Test
  void aChatRequestedOrClosedIsKnownWithoutAReadAndOutranksAReadUnderWay() {
    PlanningFacts facts = new PlanningFacts();
    Promise<Boolean> slow = Promise.promise();
    facts.chatting(slow::future);
    facts.knowChatting(true);
    slow.complete(false); // read before the chat was requested: stale
    assertEquals(true, facts.chatting(() -> read(false)).result());
    facts.knowChatting(false);
    assertEquals(false, facts.chatting(() -> read(true)).result());
    assertEquals(0, reads.get());
  }

  @Test
  void plannersAskingWhileAReadIsUnderWayShareIt() {
    PlanningFacts facts = new PlanningFacts();
    Promise<Boolean> slow = Promise.promise();
    Future<Boolean> first = facts.chatting(slow::future);
    Future<Boolean> second = facts.chatting(() -> read(true));
    slow.complete(false);
    assertEquals(false, first.result());
    assertEquals(false, second.result());
    assertEquals(0, reads.get());
  }

  @Test
  void aVisitorIsReadAgainOnlyAfterAnOfferChangedItAndAMissingOneIsNotKept() {
    PlanningFacts facts = new PlanningFacts();
    AtomicInteger visitorReads = new AtomicInteger();
    Instant shownAt = Instant.parse("2026-12-03T06:00:00Z");
    assertNull(facts.visitor(() -> {
      visitorReads.incrementAndGet();
      return Future.succeededFuture(null); // not minted yet, or erased: asked again next time
    }).result());
    assertEquals(null, facts.visitor(() -> {
      visitorReads.incrementAndGet();
      return Future.succeededFuture(visitor(null));
    }).result().lastOfferAt());
    assertEquals(null, facts.visitor(() -> Future.failedFuture("not read again")).result().lastOfferAt());
    assertEquals(2, visitorReads.get());

    facts.forgetVisitor(); // an offer was shown
    assertEquals(shownAt, facts.visitor(() -> Future.succeededFuture(visitor(shownAt))).result().lastOfferAt());
  }

  private static Visitor visitor(Instant lastOfferAt) {
    Instant created = Instant.parse("2026-12-03T05:00:00Z");
    return new Visitor("v1", "demo", null, null, "test", created, created, 1, 1, null, List.of(), lastOfferAt, null);
  }
}
