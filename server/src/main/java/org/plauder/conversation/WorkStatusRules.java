package org.plauder.conversation;

import java.time.Duration;
import java.time.Instant;
import org.plauder.protocol.Failure;

/**
 * The rules of an e-mail conversation's work status, as plain Java. Only its own agent moves it:
 * an open conversation may be set pending (waiting for the customer), snoozed until a later time,
 * or resolved; a parked one (pending or snoozed) may be opened again, snoozed anew or resolved.
 * The customer's mail and the end of a snooze open a parked conversation again. Parking gives
 * the agent's chat slot back; opening takes one again. Asking for the status it has already is
 * no change (a snooze with a new time is one).
 */
public final class WorkStatusRules {

  /** The longest snooze: a conversation that should come back in more than a year is better resolved. */
  public static final Duration LONGEST_SNOOZE = Duration.ofDays(366);

  /** What happens to the agent's chat slot. */
  public enum Slot { KEEP, GIVE_BACK, TAKE }

  /** A change from one status to another ({@code from == to}: none) and what it does to the slot. */
  public record Change(ConversationStatus from, ConversationStatus to, Slot slot) {

    /** Whether anything is written: a new status, or a snooze with a new time. */
    public boolean changes() {
      return from != to || to == ConversationStatus.SNOOZED;
    }
  }

  private WorkStatusRules() {}

  /**
   * What the agent's request does to the conversation, or a failure that says why it may not be
   * done ({@code until}: the end of a snooze, only for {@link WorkStatus#SNOOZED}).
   */
  public static Change byAgent(Conversation c, String agentId, WorkStatus wanted, Instant until, Instant now) {
    if (wanted == null) {
      throw Failure.badInput("status must be open, pending, snoozed or resolved");
    }
    if (!Conversation.EMAIL.equals(c.channel())) {
      throw Failure.conflict("not_email", "only e-mail conversations can be pending, snoozed or resolved: close a chat instead");
    }
    if (c.status() == ConversationStatus.CLOSED || c.status() == ConversationStatus.OFFLINE) {
      throw Failure.conflict("conversation_closed", "the conversation is resolved already");
    }
    if (c.status() == ConversationStatus.QUEUED || !agentId.equals(c.agentId())) {
      throw Failure.conflict("not_your_chat", "only the agent holding the conversation can change its status");
    }
    if (wanted == WorkStatus.SNOOZED) {
      checkSnooze(until, now);
    } else if (until != null) {
      throw Failure.badInput("until is only for snoozed");
    }
    boolean open = c.status() == ConversationStatus.ACTIVE;
    return switch (wanted) {
      case OPEN -> new Change(c.status(), ConversationStatus.ACTIVE, open ? Slot.KEEP : Slot.TAKE);
      case PENDING -> new Change(c.status(), ConversationStatus.PENDING, open ? Slot.GIVE_BACK : Slot.KEEP);
      case SNOOZED -> new Change(c.status(), ConversationStatus.SNOOZED, open ? Slot.GIVE_BACK : Slot.KEEP);
      case RESOLVED -> new Change(c.status(), ConversationStatus.CLOSED, open ? Slot.GIVE_BACK : Slot.KEEP);
    };
  }

  /** The customer wrote (or a snooze ended): a parked conversation opens again and needs a slot; anything else stays. */
  public static Change wake(Conversation c) {
    return c.isParked() ? new Change(c.status(), ConversationStatus.ACTIVE, Slot.TAKE) : new Change(c.status(), c.status(), Slot.KEEP);
  }

  private static void checkSnooze(Instant until, Instant now) {
    if (until == null) {
      throw Failure.badInput("until is required: the time the conversation comes back");
    }
    if (!until.isAfter(now)) {
      throw Failure.badInput("until must be in the future");
    }
    if (until.isAfter(now.plus(LONGEST_SNOOZE))) {
      throw Failure.badInput("until must be within a year");
    }
  }
}
