package org.plauder.auth;

/** A token that did not pass verification; {@code code} says why in a word a client can act on. */
public final class TokenRejected extends RuntimeException {

  private final String code;

  public TokenRejected(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
