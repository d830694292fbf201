package org.plauder.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Where e-mail conversations are parked (pending, snoozed) and woken again. Every move is one
 * conditional update that answers null when the conversation was no longer as expected, so two
 * nodes (or an agent and a snooze ending) never both win. Implemented over MongoDB by
 * {@code store.ConversationStatuses}.
 */
public interface ParkedStore {

  /** A parked conversation and, when snoozed, the time it comes back. */
  record Parked(Conversation conversation, Instant snoozedUntil) {}

  /** {@code from} with its agent → pending or snoozed (until {@code until}); the conversation after (its slot still the one to give back), or null. */
  Future<Parked> park(String id, String agentId, ConversationStatus from, ConversationStatus to, Instant until);

  /**
   * Parked → active with its agent again, in the {@code slot} claimed for it; with {@code snoozedUntil} only while it
   * is snoozed until exactly then (a snooze renewed meanwhile is not ended by the old time). The conversation after, or null.
   */
  Future<Conversation> wake(String id, String agentId, ConversationStatus from, Instant snoozedUntil, SlotKind slot);

  /** Parked → queued with a new ticket and its queue entry, for anyone with room; the conversation after, or null. */
  Future<Conversation> requeue(String id, ConversationStatus from, Instant snoozedUntil, long ticket);

  /** Parked → closed (resolved) by its agent; the conversation after, or null. */
  Future<Conversation> resolve(String id, String agentId, ConversationStatus from, Instant now);

  /** The agent's parked conversations, oldest assignment first. */
  Future<List<Parked>> parkedOf(String agentId);

  /** The site's parked (pending, snoozed) conversations, of every agent, at most {@code limit}, longest parked first by assignment. */
  Future<List<Parked>> parkedOfSite(String siteKey, int limit);

  /** Every snoozed conversation of every site: what a node starting up sets its snooze timers for. */
  Future<List<Parked>> snoozed();

  /** The snooze end of one conversation, or null when it is not snoozed. */
  Future<Instant> snoozedUntil(String id);
}
