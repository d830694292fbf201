package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendTurnsTest {

  private final AppendTurns turns = new AppendTurns();
  /** The turns that started, in order, each finished by the test. */
  private final List<String> started = new ArrayList<>();
  private final List<Promise<String>> running = new ArrayList<>();

  private Future<String> append(String conversationId, String text) {
    return turns.inTurn(conversationId, () -> {
      started.add(text);
      Promise<String> p = Promise.promise();
      running.add(p);
      return p.future();
    });
  }

  @Test
  void aConversationsSecondAppendStartsOnlyWhenTheFirstIsStored() {
    Future<String> first = append("c1", "Hallo");
    Future<String> second = append("c1", "noch da?");
    assertEquals(List.of("Hallo"), started);

    running.get(0).complete("stored 1");
    assertEquals("stored 1", first.result());
    assertEquals(List.of("Hallo", "noch da?"), started);
    running.get(1).complete("stored 2");
    assertEquals("stored 2", second.result());

    append("c1", "danke");
    assertEquals(3, started.size(), "nothing under way: the next append starts at once");
  }

  @Test
  void otherConversationsDoNotWait() {
    append("c1", "eins");
    append("c2", "zwei");
    assertEquals(List.of("eins", "zwei"), started);
  }

  @Test
  void aFailedAppendAnswersItsCallerAndTheNextStillRuns() {
    Future<String> failing = append("c1", "eins");
    Future<String> next = append("c1", "zwei");
    running.get(0).fail(new IllegalStateException("database down"));
    assertTrue(failing.failed());
    assertEquals(List.of("eins", "zwei"), started);
    running.get(1).complete("stored");
    assertEquals("stored", next.result());
  }

  @Test
  void anAppendThatThrowsIsAnsweredWithTheErrorAndFreesTheTurn() {
    Future<String> thrown = turns.inTurn("c1", () -> {
      throw new IllegalArgumentException("bad draft");
    });
    assertTrue(thrown.failed());
    append("c1", "danach");
    assertEquals(List.of("danach"), started);
  }
}
