package org.plauder.protocol;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/** Reads typed fields out of an untrusted JSON body, refusing anything of the wrong shape. */
public final class Inputs {

  /** Every id the server mints is 24 hex digits (docs/protocol.md). */
  private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{24}");

  private Inputs() {}

  /** Whether a client-supplied value can be an id at all; anything else is refused before a query. */
  public static boolean isId(Object value) {
    return value instanceof String s && ID.matcher(s).matches();
  }

  /** A required id: a 24-hex-digit string, never an object that could reach a query as an operator. */
  public static String id(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!isId(value)) {
      throw Failure.badInput(field + " must be an id");
    }
    return (String) value;
  }

  /**
   * A one-line free text ({@link FreeText}: no control characters, lone surrogates or U+FFFD) of at most
   * {@code maxLength} characters, stripped; null when absent or blank.
   */
  public static String optionalString(JsonObject body, String field, int maxLength) {
    return optionalText(body, field, maxLength, false);
  }

  /** A free text that may span lines (line breaks and tabs allowed), otherwise as {@link #optionalString}. */
  public static String optionalMultiLineText(JsonObject body, String field, int maxLength) {
    return optionalText(body, field, maxLength, true);
  }

  private static String optionalText(JsonObject body, String field, int maxLength, boolean multiLine) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw Failure.badInput(field + " must be a string");
    }
    if (FreeText.length(s) > maxLength) {
      throw Failure.badInput(field + " must be at most " + maxLength + " characters");
    }
    String trimmed = FreeText.check(field, s, multiLine).strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  public static String requiredString(JsonObject body, String field, int maxLength) {
    String value = optionalString(body, field, maxLength);
    if (value == null) {
      throw Failure.badInput(field + " is required");
    }
    return value;
  }

  public static long optionalLong(JsonObject body, String field, long fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw Failure.badInput(field + " must be a whole number");
    }
    return n.longValue();
  }

  public static int intInRange(JsonObject body, String field, int min, int max) {
    Object value = body.getValue(field);
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < min || n.longValue() > max) {
      throw Failure.badInput(field + " must be a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }

  public static boolean bool(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof Boolean b)) {
      throw Failure.badInput(field + " must be true or false");
    }
    return b;
  }

  /** A plausible e-mail address: one '@', something on both sides, no spaces. */
  public static String optionalEmail(JsonObject body, String field) {
    String value = optionalString(body, field, 254);
    if (value != null && !value.matches("[^@\\s]+@[^@\\s]+")) {
      throw Failure.badInput(field + " must be an e-mail address");
    }
    return value;
  }
}
