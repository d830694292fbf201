package org.plauder.conversation;

import java.util.regex.Pattern;
import org.plauder.protocol.Failure;

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
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw Failure.badInput("text must be at most " + maxLength + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          throw Failure.badInput("text contains invalid characters");
        }
        i++;
      } else if (Character.isLowSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
        throw Failure.badInput("text contains invalid characters");
      }
    }
    return text;
  }

  public String validClientMsgId(Object value) {
    if (!(value instanceof String id) || !CLIENT_MSG_ID.matcher(id).matches()) {
      throw Failure.badInput("clientMsgId must be 1-64 letters, digits, '-' or '_'");
    }
    return id;
  }
}
