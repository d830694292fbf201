package org.plauder.conversation;

import java.util.regex.Pattern;
import org.plauder.protocol.Failure;
import org.plauder.protocol.FreeText;

/** What a message from a browser must look like before anything is stored. */
public final class MessageRules {

  private static final Pattern CLIENT_MSG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final int maxLength;

  public MessageRules(int maxLength) {
    this.maxLength = maxLength;
  }

  /** The text to store, or a {@link Failure} saying what is wrong with it. */
  public String validText(Object value) {
    if (!(value instanceof String text)) {
      throw Failure.badInput("text must be a string");
    }
    if (text.isBlank()) {
      throw Failure.badInput("text must not be empty");
    }
    if (FreeText.length(text) > maxLength) {
      throw Failure.badInput("text must be at most " + maxLength + " characters");
    }
    FreeText.check("text", text, true);
    return text;
  }

  public String validClientMsgId(Object value) {
    if (!(value instanceof String id) || !CLIENT_MSG_ID.matcher(id).matches()) {
      throw Failure.badInput("clientMsgId must be 1-64 letters, digits, '-' or '_'");
    }
    return id;
  }
}
