package org.plauder.protocol;

/**
 * An error a client caused or can act on: an HTTP-like status, a stable machine code and a
 * sentence for people. Sent as {"error":{"code","message"}} over REST and as a failed reply
 * ({@code failureCode}=status, {@code message}="code: sentence") over the bridge.
 */
public final class Failure extends RuntimeException {

  private final int status;
  private final String code;

  public Failure(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static Failure badInput(String message) {
    return new Failure(400, "invalid_input", message);
  }

  public static Failure unauthorized(String code, String message) {
    return new Failure(401, code, message);
  }

  public static Failure forbidden(String message) {
    return new Failure(403, "forbidden", message);
  }

  public static Failure notFound(String what) {
    return new Failure(404, "not_found", what + " not found");
  }

  public static Failure conflict(String code, String message) {
    return new Failure(409, code, message);
  }
}
