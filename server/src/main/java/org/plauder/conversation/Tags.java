package org.plauder.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.plauder.protocol.Failure;
import org.plauder.protocol.FreeText;

/**
 * The rules of a conversation's tags: a tag is short and one word — letters, digits, {@code -} and
 * {@code _}, at most {@link #MAX_LENGTH} characters — and normalised, so that "Rückgabe ",
 * "rückgabe" and "RÜCKGABE" are one tag: stripped, lower case, spaces inside turned into {@code -}.
 * A conversation holds at most {@link #MAX_PER_CONVERSATION}, kept exact by the store's conditional update. Pure: values in, values or a
 * {@link Failure} out.
 */
public final class Tags {

  public static final int MAX_LENGTH = 30;
  public static final int MAX_PER_CONVERSATION = 10;

  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_-]+");

  private Tags() {}

  /** The tag as it is stored, or a 400 {@code invalid_input} saying what is wrong with it. */
  public static String normalise(Object raw) {
    if (!(raw instanceof String text)) {
      throw Failure.badInput("tag must be a string");
    }
    FreeText.check("tag", text, false);
    String tag = text.strip().replaceAll("\\s+", "-").toLowerCase(Locale.ROOT);
    if (tag.isEmpty()) {
      throw Failure.badInput("tag must not be empty");
    }
    if (FreeText.length(tag) > MAX_LENGTH) {
      throw Failure.badInput("tag must be at most " + MAX_LENGTH + " characters");
    }
    if (!ALLOWED.matcher(tag).matches()) {
      throw Failure.badInput("tag may hold only letters, digits, '-' and '_'");
    }
    return tag;
  }

  /**
   * The tags after the store added {@code tag} with its one conditional update (only while it was
   * missing and there were fewer than {@link #MAX_PER_CONVERSATION}): {@code after} itself, or a
   * 409 {@code too_many_tags} when the tag is not among them, because the conversation was full.
   */
  public static List<String> requireAdded(List<String> after, String tag) {
    if (!after.contains(tag)) {
      throw Failure.conflict("too_many_tags", "a conversation holds at most " + MAX_PER_CONVERSATION + " tags");
    }
    return after;
  }
}
