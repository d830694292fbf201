package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writes that arrive while a group is being written go together in the next one, and each answers only after its own. */
class GroupedWritesTest {

  /** A database whose commands the test acknowledges by hand. */
  private final List<List<String>> commands = new ArrayList<>();
  private final List<Promise<Void>> acks = new ArrayList<>();
  private final GroupedWrites<String> writes = new GroupedWrites<>(group -> {
    commands.add(group);
    Promise<Void> ack = Promise.promise();
    acks.add(ack);
    return ack.future();
  });

  @Test
  void aWriteAloneGoesAtOnce() {
    Future<Void> done = writes.add("a");
    assertEquals(List.of(List.of("a")), commands);
    assertFalse(done.isComplete(), "not answered before the database acknowledged it");
    acks.get(0).complete();
    assertTrue(done.succeeded());
  }

  @Test
  void writesArrivingDuringACommandGoTogetherInTheNextAndAnswerAfterIt() {
    Future<Void> first = writes.add("a");
    Future<Void> second = writes.add("b");
    Future<Void> third = writes.add("c");
    assertEquals(1, commands.size(), "b and c wait while a is written");
    acks.get(0).complete();
    assertTrue(first.succeeded());
    assertFalse(second.isComplete());
    assertEquals(List.of("b", "c"), commands.get(1));
    acks.get(1).complete();
    assertTrue(second.succeeded() && third.succeeded());
    Future<Void> later = writes.add("d");
    assertEquals(List.of("d"), commands.get(2), "with nothing under way a write goes at once again");
    acks.get(2).complete();
    assertTrue(later.succeeded());
  }

  @Test
  void aFailedCommandFailsItsOwnWritesOnlyAndTheNextGroupStillGoes() {
    Future<Void> first = writes.add("a");
    Future<Void> second = writes.add("b");
    acks.get(0).fail(new DatabaseUnavailable(new IllegalStateException("down")));
    assertTrue(first.failed());
    assertTrue(first.cause() instanceof DatabaseUnavailable);
    assertEquals(List.of("b"), commands.get(1));
    acks.get(1).complete();
    assertTrue(second.succeeded());
  }

  @Test
  void aGroupHoldsAtMostMaxGroupWrites() {
    writes.add("first");
    List<Future<Void>> waiting = IntStream.range(0, GroupedWrites.MAX_GROUP + 3).mapToObj(i -> writes.add("w" + i)).toList();
    acks.get(0).complete();
    assertEquals(GroupedWrites.MAX_GROUP, commands.get(1).size());
    acks.get(1).complete();
    assertEquals(List.of("w" + GroupedWrites.MAX_GROUP, "w" + (GroupedWrites.MAX_GROUP + 1), "w" + (GroupedWrites.MAX_GROUP + 2)),
        commands.get(2));
    acks.get(2).complete();
    assertTrue(waiting.stream().allMatch(Future::succeeded));
  }
}
